//! Each check's typed data: the trait that ties a data type to the id of the check that
//! produces it, and the accessor every reader uses. A view asks `run.data::<DnsData>()`;
//! if the type changes, the check that writes it and every view that reads it change
//! with it (a compile error, not a blank panel), and data of the wrong shape (an older
//! or foreign bundle) is an error the reader shows, never a silent gap.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::CheckRun;

/// A check's data type. `CHECK_ID` is the one check that writes it (`net.dns.resolve`).
/// Lists are `ListData<T>`: `data` is always an object.
pub trait CheckData: Serialize + DeserializeOwned {
    const CHECK_ID: &'static str;
}

/// Why a run's data could not be read as the type asked for.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The caller asked for another check's type: a programming mistake, said plainly.
    #[error("the data of {wanted} was asked of the run of {found}")]
    WrongCheck { wanted: &'static str, found: String },
    /// The data is there but does not have the shape this version reads.
    #[error("the data of {id} does not have the shape this version of deskcheck reads: {source}")]
    Shape {
        id: String,
        #[source]
        source: serde_json::Error,
    },
}

/// The key of the data a network check leaves when a lower layer stopped it before it
/// tried anything (`{"not_tested": {...}, "targets": [...]}`): its findings say why.
pub const NOT_TESTED_KEY: &str = "not_tested";

impl CheckRun {
    /// This run's data as `T`: `Ok(None)` when the check left none (it did not complete,
    /// or a lower layer stopped it before it tried anything); an error when `T` belongs
    /// to another check or the data does not have `T`'s shape.
    pub fn data<T: CheckData>(&self) -> Result<Option<T>, DataError> {
        if self.id != T::CHECK_ID {
            return Err(DataError::WrongCheck { wanted: T::CHECK_ID, found: self.id.clone() });
        }
        if self.data.is_null() || self.stopped_before_trying() {
            return Ok(None);
        }
        T::deserialize(&self.data).map(Some).map_err(|source| DataError::Shape { id: self.id.clone(), source })
    }

    /// Whether a lower layer stopped this check before it tried anything.
    pub fn stopped_before_trying(&self) -> bool {
        self.data.get(NOT_TESTED_KEY).is_some()
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::model::{Category, ListData};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        server: String,
        rtt_ms: f64,
    }

    impl CheckData for Sample {
        const CHECK_ID: &'static str = "test.sample";
    }

    impl CheckData for ListData<Sample> {
        const CHECK_ID: &'static str = "test.samples";
    }

    fn run(id: &str, data: serde_json::Value) -> CheckRun {
        let mut run = CheckRun::errored(id, Category::Network, "");
        run.data = data;
        run
    }

    #[test]
    fn the_right_type_reads_back() {
        let r = run("test.sample", serde_json::json!({"server": "10.0.0.1", "rtt_ms": 1.5}));
        assert_eq!(r.data::<Sample>().unwrap(), Some(Sample { server: "10.0.0.1".into(), rtt_ms: 1.5 }));
        let list = run("test.samples", serde_json::json!({"items": [{"server": "a", "rtt_ms": 2.0}]}));
        assert_eq!(list.data::<ListData<Sample>>().unwrap().unwrap().items.len(), 1);
    }

    #[test]
    fn no_data_and_not_tested_are_none() {
        assert_eq!(run("test.sample", serde_json::Value::Null).data::<Sample>().unwrap(), None);
        let stopped = serde_json::json!({"not_tested": {"stopped_by": "link", "reason": "unplugged"}, "targets": []});
        assert_eq!(run("test.sample", stopped).data::<Sample>().unwrap(), None);
    }

    #[test]
    fn another_checks_type_is_a_typed_error() {
        let r = run("test.other", serde_json::json!({"server": "x", "rtt_ms": 1.0}));
        let err = r.data::<Sample>().unwrap_err();
        assert!(matches!(err, DataError::WrongCheck { wanted: "test.sample", ref found } if found == "test.other"));
        assert_eq!(err.to_string(), "the data of test.sample was asked of the run of test.other");
    }

    #[test]
    fn a_bad_shape_is_an_error_that_names_the_field() {
        let r = run("test.sample", serde_json::json!({"server": "x", "rtt_ms": "fast"}));
        let err = r.data::<Sample>().unwrap_err();
        assert!(matches!(err, DataError::Shape { .. }));
        let text = err.to_string();
        assert!(text.starts_with("the data of test.sample does not have the shape"), "{text}");
        assert!(text.contains("invalid type"), "{text}");
    }
}
