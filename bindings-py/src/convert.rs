//! Python values into plain Rust ones: array-likes through `numpy.asarray` (any
//! numeric dtype, lists, tuples), and groups and constraints into JSON values for the
//! core's readers.

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

/// `obj` as float64 values: integer, unsigned and float dtypes.
pub fn floats(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Array<f64>> {
    let arr = as_array(obj, name, "fiu")?.call_method1("astype", ("float64",))?;
    let a: PyReadonlyArrayDyn<'_, f64> = arr.extract()?;
    let view = a.as_array();
    Ok(Array {
        shape: view.shape().to_vec(),
        values: view.iter().copied().collect(),
    })
}

/// `obj` as flags: bool, integer and unsigned dtypes, non-zero meaning set.
pub fn flags(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Array<bool>> {
    let arr = as_array(obj, name, "biu")?.call_method1("astype", ("bool",))?;
    let a: PyReadonlyArrayDyn<'_, bool> = arr.extract()?;
    let view = a.as_array();
    Ok(Array {
        shape: view.shape().to_vec(),
        values: view.iter().copied().collect(),
    })
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
    let arr = arr.call_method1("astype", ("int64",))?;
    let a: PyReadonlyArrayDyn<'_, i64> = arr.extract()?;
    let view = a.as_array();
    Ok(Array {
        shape: view.shape().to_vec(),
        values: view.iter().copied().collect(),
    })
}

/// A nested structure of dicts, lists, tuples, numpy arrays, strings, numbers and
/// booleans as JSON. NaN and infinities become the strings the core's readers parse
/// as numbers (`"NaN"`, `"inf"`, `"-inf"`), so that they reach the core's checks.
pub fn to_json(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(v) = obj.extract::<i64>() {
            return Ok(Value::from(v));
        }
        return Ok(Value::from(obj.extract::<u64>()?));
    }
    if obj.is_instance_of::<PyFloat>() {
        let v: f64 = obj.extract()?;
        return Ok(serde_json::Number::from_f64(v)
            .map_or_else(|| Value::String(format!("{v}")), Value::Number));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut out = serde_json::Map::new();
        for (k, v) in d.iter() {
            let key: String = k
                .extract()
                .map_err(|_| PyTypeError::new_err(format!("{name}: keys must be strings")))?;
            out.insert(key, to_json(&v, name)?);
        }
        return Ok(Value::Object(out));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        return obj
            .try_iter()?
            .map(|v| to_json(&v?, name))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    // numpy arrays and scalars (and anything else with `tolist`).
    if obj.hasattr("tolist")? {
        let plain = obj.call_method0("tolist")?;
        if !plain.is(obj) {
            return to_json(&plain, name);
        }
    }
    Err(PyTypeError::new_err(format!(
        "{name}: cannot read a {} value",
        obj.get_type().name()?
    )))
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
