//! Errors: `colayout.LayoutError` (a `ValueError`) and one subclass per core
//! [`ErrorKind`], named after it (`colayout.LinkOutOfRange`, ...), each with a `code`
//! class attribute equal to the core's `Error::code()`.

use colayout::error::ErrorKind;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

pyo3::create_exception!(
    colayout,
    LayoutError,
    PyValueError,
    "Bad input or a failed layout. One subclass per error kind; `code` names the kind."
);

/// The subclasses, in [`ErrorKind::ALL`] order.
static KINDS: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

fn kinds(py: Python<'_>) -> PyResult<&Vec<Py<PyType>>> {
    KINDS.get_or_try_init(py, || {
        let base = py.get_type::<LayoutError>();
        base.setattr("code", "LayoutError")?;
        ErrorKind::ALL
            .iter()
            .map(|k| {
                let doc = format!("colayout's `{}` error (a LayoutError).", k.name());
                let ty = PyErr::new_type(
                    py,
                    &std::ffi::CString::new(format!("colayout.{}", k.name()))?,
                    Some(&std::ffi::CString::new(doc)?),
                    Some(&base),
                    None,
                )?;
                ty.bind(py).setattr("code", k.name())?;
                Ok(ty)
            })
            .collect()
    })
}

/// Adds `LayoutError` and its subclasses to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("LayoutError", py.get_type::<LayoutError>())?;
    for (k, ty) in ErrorKind::ALL.iter().zip(kinds(py)?) {
        m.add(k.name(), ty.bind(py))?;
    }
    Ok(())
}

/// The exception of `kind` with `message`.
pub fn of_kind(kind: ErrorKind, message: impl Into<String>) -> PyErr {
    let message = message.into();
    let at = ErrorKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    Python::attach(|py| match kinds(py) {
        Ok(k) => PyErr::from_type(k[at].bind(py).clone(), message),
        Err(e) => e,
    })
}

/// The core's error as its Python exception.
pub fn to_py(e: &colayout::Error) -> PyErr {
    of_kind(e.kind(), e.to_string())
}

/// An error from reading a Python value into the core's options or readers: a value
/// of the wrong Python type is a `TypeError`, anything else a `colayout.Parse`.
pub fn from_serde(what: &str, message: &str) -> PyErr {
    if message.starts_with("invalid type") {
        PyTypeError::new_err(format!("{what}: {message}"))
    } else {
        of_kind(ErrorKind::Parse, format!("{what}: {message}"))
    }
}

/// `Err` of a core call, as its Python exception.
pub trait OrRaise<T> {
    /// The value, or the error as its exception.
    fn or_raise(self) -> PyResult<T>;
}

impl<T> OrRaise<T> for colayout::Result<T> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(|e| to_py(&e))
    }
}
