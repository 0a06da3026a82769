"""Type stubs of colayout._colayout, the extension module (checked by stubtest in CI)."""

from collections.abc import Mapping, Sequence
from os import PathLike
from typing import Any, Literal, Optional, Union, final

from typing_extensions import Self

import numpy as np
import numpy.typing as npt

__version__: str

_ArrayLike = npt.ArrayLike
_Groups = Sequence[Union[Sequence[int], Mapping[str, Any]]]
_Constraints = Sequence[Mapping[str, Any]]
_PerNode = Union[_ArrayLike, Mapping[int, Sequence[float]]]

class LayoutError(ValueError):
    code: str

class LinkOutOfRange(LayoutError):
    code: str
class NonFiniteCoordinate(LayoutError):
    code: str
class NonFiniteSize(LayoutError):
    code: str
class NegativeSize(LayoutError):
    code: str
class InvalidLinkLength(LayoutError):
    code: str
class InvalidLinkWeight(LayoutError):
    code: str
class InvalidOption(LayoutError):
    code: str
class DimensionMismatch(LayoutError):
    code: str
class NodeOutOfRange(LayoutError):
    code: str
class UnknownNode(LayoutError):
    code: str
class UnknownGroup(LayoutError):
    code: str
class GroupCycle(LayoutError):
    code: str
class GroupInTwoGroups(LayoutError):
    code: str
class NodeInTwoGroups(LayoutError):
    code: str
class EmptyGroup(LayoutError):
    code: str
class InvalidGroupValue(LayoutError):
    code: str
class EmptyConstraint(LayoutError):
    code: str
class NonFiniteConstraint(LayoutError):
    code: str
class InvalidDistribution(LayoutError):
    code: str
class Parse(LayoutError):
    code: str
class InputTooLarge(LayoutError):
    code: str
class TooManyNodes(LayoutError):
    code: str
class OutOfRange(LayoutError):
    code: str
class Diverged(LayoutError):
    code: str

@final
class Graph:
    def __new__(
        cls,
        edges: _ArrayLike,
        *,
        n: Optional[int] = ...,
        sizes: Optional[_PerNode] = ...,
        positions: Optional[_PerNode] = ...,
        fixed: Optional[_ArrayLike] = ...,
        lengths: Optional[_ArrayLike] = ...,
        weights: Optional[_ArrayLike] = ...,
        groups: Optional[_Groups] = ...,
        constraints: Optional[_Constraints] = ...,
        dims: int = ...,
    ) -> Self: ...
    @property
    def n(self) -> int: ...
    @property
    def edges(self) -> npt.NDArray[np.int64]: ...
    @property
    def labels(self) -> list[Optional[str]]: ...
    @property
    def sizes(self) -> npt.NDArray[np.float64]: ...
    @property
    def group_count(self) -> int: ...
    @property
    def constraint_count(self) -> int: ...
    def __len__(self) -> int: ...

@final
class Layout:
    def __new__(
        cls,
        edges: Union[_ArrayLike, Graph],
        *,
        n: Optional[int] = ...,
        sizes: Optional[_PerNode] = ...,
        positions: Optional[_PerNode] = ...,
        fixed: Optional[_ArrayLike] = ...,
        lengths: Optional[_ArrayLike] = ...,
        weights: Optional[_ArrayLike] = ...,
        groups: Optional[_Groups] = ...,
        constraints: Optional[_Constraints] = ...,
        dims: int = ...,
        **options: Any,
    ) -> Self: ...
    def start(
        self,
        iterations: Optional[Sequence[int]] = None,
        *,
        keep_running: Optional[bool] = None,
        center_graph: Optional[bool] = None,
    ) -> int: ...
    def tick(self) -> bool: ...
    def run_ticks(self, count: int) -> None: ...
    def run(self) -> int: ...
    def stop(self) -> None: ...
    def resume(self) -> None: ...
    def make_feasible(self) -> None: ...
    def update(
        self,
        edges: Union[_ArrayLike, Graph],
        *,
        previous: Optional[_ArrayLike] = None,
        n: Optional[int] = ...,
        sizes: Optional[_PerNode] = ...,
        positions: Optional[_PerNode] = ...,
        fixed: Optional[_ArrayLike] = ...,
        lengths: Optional[_ArrayLike] = ...,
        weights: Optional[_ArrayLike] = ...,
        groups: Optional[_Groups] = ...,
        constraints: Optional[_Constraints] = ...,
    ) -> None: ...
    def drag_start(self, index: int, *, group: bool = False) -> None: ...
    def drag(self, index: int, x: float, y: float, *, group: bool = False) -> None: ...
    def drag_end(self, index: int, *, group: bool = False) -> None: ...
    def positions(self, copy: bool = True) -> npt.NDArray[np.float64]: ...
    def node_bounds(self) -> npt.NDArray[np.float64]: ...
    def group_bounds(self) -> npt.NDArray[np.float64]: ...
    def routes(
        self,
        route: Literal["clip", "polyline", "orthogonal"] = ...,
        margin: Optional[float] = ...,
        arrow_head: Optional[float] = ...,
    ) -> list[npt.NDArray[np.float64]]: ...
    def group_hulls(self) -> list[npt.NDArray[np.float64]]: ...
    def unsatisfied(self, tolerance: float = ...) -> list[tuple[int, Literal["x", "y"], float]]: ...
    def overlapping_nodes(self, tolerance: float = ...) -> list[tuple[int, int]]: ...
    def stress(self) -> float: ...
    def p_stress(self) -> float: ...
    def scale_normalised_stress(self) -> float: ...
    @property
    def alpha(self) -> float: ...
    @property
    def is_running(self) -> bool: ...
    @property
    def ticks(self) -> int: ...
    @property
    def reached_max_ticks(self) -> bool: ...
    @property
    def dims(self) -> int: ...
    @property
    def n(self) -> int: ...
    @property
    def options(self) -> dict[str, Any]: ...

def layout(
    edges: Union[_ArrayLike, Graph],
    *,
    n: Optional[int] = ...,
    sizes: Optional[_PerNode] = ...,
    positions: Optional[_PerNode] = ...,
    fixed: Optional[_ArrayLike] = ...,
    lengths: Optional[_ArrayLike] = ...,
    weights: Optional[_ArrayLike] = ...,
    groups: Optional[_Groups] = ...,
    constraints: Optional[_Constraints] = ...,
    dims: int = ...,
    iterations: Optional[Sequence[int]] = ...,
    **options: Any,
) -> npt.NDArray[np.float64]: ...
def default_options() -> dict[str, Any]: ...
def error_codes() -> list[str]: ...
def scale_normalised_stress(
    edges: Union[_ArrayLike, Graph],
    positions: _ArrayLike,
    *,
    n: Optional[int] = None,
    sources: Optional[int] = None,
    seed: int = 1,
) -> float: ...
def read_json(path: Union[str, PathLike[str]]) -> Graph: ...
def read_dot(path: Union[str, PathLike[str]]) -> Graph: ...
def convex_hull(points: _ArrayLike) -> npt.NDArray[np.float64]: ...
def power_graph(edges: Union[_ArrayLike, Graph], *, n: Optional[int] = ...) -> dict[str, Any]: ...
def make_edge_between(
    source: _ArrayLike, target: _ArrayLike, arrow_head: float = ...
) -> npt.NDArray[np.float64]: ...
