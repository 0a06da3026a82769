//! Scalar readings for the streaming reader: numbers (or strings holding them), node
//! references, JavaScript truthiness and labels.

use alloc::format;
use alloc::string::{String, ToString};
use core::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::values::{as_text, truthy};

/// A node reference: an index (a number or a numeric string) or an `id`/`name`.
pub(super) enum Ref {
    Index(usize),
    Name(String),
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Ref;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a node index or a node id/name")
            }

            fn visit_u64<E: de::Error>(self, k: u64) -> core::result::Result<Ref, E> {
                usize::try_from(k)
                    .map(Ref::Index)
                    .map_err(|_| E::custom(format!("node index {k} is too large")))
            }

            fn visit_i64<E: de::Error>(self, k: i64) -> core::result::Result<Ref, E> {
                u64::try_from(k)
                    .map_err(|_| E::custom(format!("node index {k} is negative")))
                    .and_then(|k| self.visit_u64(k))
            }

            fn visit_f64<E: de::Error>(self, k: f64) -> core::result::Result<Ref, E> {
                if k >= 0.0 && k.fract() == 0.0 && k < 1.8e19 {
                    self.visit_u64(k as u64)
                } else {
                    Err(E::custom(format!("{k} is not a node index")))
                }
            }

            fn visit_str<E: de::Error>(self, s: &str) -> core::result::Result<Ref, E> {
                Ok(match s.trim().parse::<usize>() {
                    Ok(k) => Ref::Index(k),
                    Err(_) => Ref::Name(s.to_string()),
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// An optional number: a number, a string holding one (WebCola's examples use
/// `"offset": "0"`; `"NaN"` reads as NaN, for validation to refuse), or null.
#[derive(Default)]
pub(super) struct Num(pub(super) Option<f64>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Num;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> core::result::Result<Num, E> {
                Ok(Num(Some(v)))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> core::result::Result<Num, E> {
                Ok(Num(Some(v as f64)))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> core::result::Result<Num, E> {
                Ok(Num(Some(v as f64)))
            }

            fn visit_str<E: de::Error>(self, s: &str) -> core::result::Result<Num, E> {
                s.trim()
                    .parse()
                    .map(|v| Num(Some(v)))
                    .map_err(|_| E::custom(format!("{s:?} is not a number")))
            }

            fn visit_unit<E: de::Error>(self) -> core::result::Result<Num, E> {
                Ok(Num(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// JavaScript truthiness, as WebCola reads `fixed`.
#[derive(Default)]
pub(super) struct Truthy(pub(super) bool);

impl<'de> Deserialize<'de> for Truthy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        Ok(Truthy(truthy(&v)))
    }
}

/// A label or name: a string, or a number written as text; other values read as none.
pub(super) fn text<'de, D: Deserializer<'de>>(
    d: D,
) -> core::result::Result<Option<String>, D::Error> {
    Ok(as_text(&Value::deserialize(d)?))
}
