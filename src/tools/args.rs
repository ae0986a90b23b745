//! A tool's arguments type is its JSON schema: the schema's properties are the type's fields as
//! serde names them (renames applied, aliases not), in declaration order, each described by the
//! type's [`Arguments::property`]. A field added to the type without a description, or a
//! description without a field, fails the registry's unit test instead of drifting silently.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde::ser::{Impossible, SerializeStruct, Serializer};
use serde_json::{Map, Value, json};

/// Which tool of a dataset runs: the query (rows for the model) or the chart (a plot as well).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Query,
    Chart,
}

pub trait Arguments: DeserializeOwned + Serialize + Default + Send + Sync + 'static {
    /// The fields the model must send.
    const REQUIRED: &'static [&'static str] = &[];

    /// The JSON schema of one field for the model; `None` for a field the tool does not take in
    /// this mode (a chart's plot type in a query).
    fn property(field: &str, mode: Mode) -> Option<Value>;

    /// The JSON schema of the arguments: an object of the described fields.
    fn schema(mode: Mode) -> Value {
        let mut properties = Map::new();
        for field in field_names::<Self>() {
            if let Some(p) = Self::property(field, mode) {
                properties.insert(field.to_string(), p);
            }
        }
        let mut schema = json!({"type": "object", "properties": properties});
        if !Self::REQUIRED.is_empty() {
            schema["required"] = json!(Self::REQUIRED);
        }
        schema
    }
}

/// The names of a struct's fields as serde writes them, skipped or not, in declaration order.
pub fn field_names<T: Serialize + Default>() -> Vec<&'static str> {
    let mut names = Vec::new();
    // Only `serialize_struct` succeeds: a type that is not a struct has no fields.
    let _ = T::default().serialize(Fields(&mut names));
    names
}

/// A serializer that records field names and ignores values.
struct Fields<'a>(&'a mut Vec<&'static str>);

macro_rules! no_fields {
    ($($name:ident($($t:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $t),*) -> Result<(), fmt::Error> { Err(fmt::Error) })*
    };
}

impl<'a> Serializer for Fields<'a> {
    type Ok = ();
    type Error = fmt::Error;
    type SerializeSeq = Impossible<(), fmt::Error>;
    type SerializeTuple = Impossible<(), fmt::Error>;
    type SerializeTupleStruct = Impossible<(), fmt::Error>;
    type SerializeTupleVariant = Impossible<(), fmt::Error>;
    type SerializeMap = Impossible<(), fmt::Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), fmt::Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, fmt::Error> {
        Ok(self)
    }

    no_fields!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), fmt::Error> {
        Err(fmt::Error)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), fmt::Error> {
        Err(fmt::Error)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), fmt::Error> {
        Err(fmt::Error)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, fmt::Error> {
        Err(fmt::Error)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, fmt::Error> {
        Err(fmt::Error)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, fmt::Error> {
        Err(fmt::Error)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, fmt::Error> {
        Err(fmt::Error)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, fmt::Error> {
        Err(fmt::Error)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, fmt::Error> {
        Err(fmt::Error)
    }
}

impl SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = fmt::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        _: &T,
    ) -> Result<(), fmt::Error> {
        self.0.push(key);
        Ok(())
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), fmt::Error> {
        self.0.push(key);
        Ok(())
    }
    fn end(self) -> Result<(), fmt::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default, Serialize, serde::Deserialize)]
    struct Sample {
        #[serde(skip_serializing_if = "Option::is_none")]
        a: Option<i32>,
        #[serde(rename = "type", alias = "kind")]
        b: String,
        c: Vec<String>,
    }

    #[test]
    fn fields_in_order_with_renames_and_skipped_ones() {
        assert_eq!(field_names::<Sample>(), ["a", "type", "c"]);
        assert!(field_names::<String>().is_empty());
    }
}
