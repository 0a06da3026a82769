//! Python values into plain Rust ones: array-likes through `numpy.asarray` (any
//! numeric dtype, lists, tuples), and nested values ([`Plain`]) for the core's serde
//! options and, as JSON, its readers of groups and constraints.

use numpy::PyReadonlyArrayDyn;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::Value;

/// An array's values in C order, with its shape.
pub struct Array<T> {
    pub values: Vec<T>,
    pub shape: Vec<usize>,
}

fn as_array<'py>(obj: &Bound<'py, PyAny>, name: &str, kinds: &str) -> PyResult<Bound<'py, PyAny>> {
    let np = obj.py().import("numpy")?;
    let arr = np
        .call_method1("asarray", (obj,))
        .map_err(|e| PyTypeError::new_err(format!("{name} must be an array of numbers: {e}")))?;
    let kind: String = arr.getattr("dtype")?.getattr("kind")?.extract()?;
    let size: usize = arr.getattr("size")?.extract()?;
    if size > 0 && !kinds.contains(kind.as_str()) {
        let dtype = arr.getattr("dtype")?.str()?;
        let want = match kinds {
            "fiu" => "numbers",
            "biu" => "booleans",
            _ => "integers",
        };
        return Err(PyTypeError::new_err(format!(
            "{name} must hold {want}, not {dtype} values"
        )));
    }
    Ok(arr)
}

/// `arr` cast to `dtype`, as plain values in C order with its shape.
fn cast<T: numpy::Element + Copy>(arr: &Bound<'_, PyAny>, dtype: &str) -> PyResult<Array<T>> {
    let a: PyReadonlyArrayDyn<'_, T> = arr.call_method1("astype", (dtype,))?.extract()?;
    let view = a.as_array();
    Ok(Array {
        shape: view.shape().to_vec(),
        values: view.iter().copied().collect(),
    })
}

/// `obj` as float64 values: integer, unsigned and float dtypes.
pub fn floats(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Array<f64>> {
    cast(&as_array(obj, name, "fiu")?, "float64")
}

/// `obj` as flags: bool, integer and unsigned dtypes, non-zero meaning set.
pub fn flags(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Array<bool>> {
    cast(&as_array(obj, name, "biu")?, "bool")
}

/// `obj` as int64 values: integer and unsigned dtypes (an empty list is fine).
pub fn integers(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Array<i64>> {
    let arr = as_array(obj, name, "iu")?;
    let kind: String = arr.getattr("dtype")?.getattr("kind")?.extract()?;
    if kind == "u" {
        let max: u64 = arr.call_method0("max")?.extract().unwrap_or(0);
        if i64::try_from(max).is_err() {
            return Err(crate::error::of_kind(
                colayout::error::ErrorKind::OutOfRange,
                format!("{name} holds {max}, beyond any node index"),
            ));
        }
    }
    cast(&arr, "int64")
}

/// A Python value as serde reads it, strictly: a bool field takes only `True` or
/// `False`, a number field only a number (NaN and infinities kept, for the core's
/// checks), a name only a string.
pub enum Plain {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    List(Vec<Plain>),
    Map(Vec<(String, Plain)>),
}

impl Plain {
    /// Reads `obj` (dicts, lists, tuples, numpy arrays and scalars, strings, numbers,
    /// booleans and None).
    pub fn read(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Plain> {
        if obj.is_none() {
            return Ok(Plain::Null);
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Ok(Plain::Bool(b.is_true()));
        }
        if obj.is_instance_of::<PyInt>() {
            return Ok(match obj.extract::<i64>() {
                Ok(v) => Plain::Int(v),
                Err(_) => Plain::UInt(obj.extract()?),
            });
        }
        if obj.is_instance_of::<PyFloat>() {
            return Ok(Plain::Float(obj.extract()?));
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(Plain::Str(s.to_cow()?.into_owned()));
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            let mut out = Vec::with_capacity(d.len());
            for (k, v) in d.iter() {
                let key: String = k
                    .extract()
                    .map_err(|_| PyTypeError::new_err(format!("{name}: keys must be strings")))?;
                out.push((key, Plain::read(&v, name)?));
            }
            return Ok(Plain::Map(out));
        }
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            return obj
                .try_iter()?
                .map(|v| Plain::read(&v?, name))
                .collect::<PyResult<Vec<_>>>()
                .map(Plain::List);
        }
        if obj.hasattr("tolist")? {
            let plain = obj.call_method0("tolist")?;
            if !plain.is(obj) {
                return Plain::read(&plain, name);
            }
        }
        Err(PyTypeError::new_err(format!(
            "{name}: cannot read a {} value",
            obj.get_type().name()?
        )))
    }
}

impl Plain {
    /// As JSON, for the core's readers of groups and constraints. NaN and infinities
    /// become the strings those readers parse as numbers (`"NaN"`, `"inf"`, `"-inf"`),
    /// so that they reach the core's checks.
    pub fn into_json(self) -> Value {
        match self {
            Plain::Null => Value::Null,
            Plain::Bool(b) => Value::Bool(b),
            Plain::Int(i) => Value::from(i),
            Plain::UInt(u) => Value::from(u),
            Plain::Float(f) => serde_json::Number::from_f64(f)
                .map_or_else(|| Value::String(format!("{f}")), Value::Number),
            Plain::Str(s) => Value::String(s),
            Plain::List(items) => Value::Array(items.into_iter().map(Plain::into_json).collect()),
            Plain::Map(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, v.into_json()))
                    .collect(),
            ),
        }
    }
}

type DeError = serde::de::value::Error;

impl<'de> serde::de::IntoDeserializer<'de, DeError> for Plain {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> serde::Deserializer<'de> for Plain {
    type Error = DeError;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        use serde::de::value::{MapDeserializer, SeqDeserializer};
        match self {
            Plain::Null => v.visit_unit(),
            Plain::Bool(b) => v.visit_bool(b),
            Plain::Int(i) => v.visit_i64(i),
            Plain::UInt(u) => v.visit_u64(u),
            Plain::Float(f) => v.visit_f64(f),
            Plain::Str(s) => v.visit_string(s),
            Plain::List(items) => v.visit_seq(SeqDeserializer::new(items.into_iter())),
            Plain::Map(entries) => v.visit_map(MapDeserializer::new(entries.into_iter())),
        }
    }

    fn deserialize_option<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self {
            Plain::Null => v.visit_none(),
            other => v.visit_some(other),
        }
    }

    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        use serde::de::IntoDeserializer;
        match self {
            Plain::Str(s) => v.visit_enum(s.into_deserializer()),
            other => other.deserialize_any(v),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple tuple_struct map
        struct identifier ignored_any
    }
}
