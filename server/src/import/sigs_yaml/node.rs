//! A YAML value with the path that leads to it (`sigs[3].meetings[0].tz`),
//! so every problem names where it is. Readers are lenient with scalars
//! (a number where text belongs is read as text) and strict with shapes.

use serde_yaml_ng::{Mapping, Value};

use super::Problem;

#[derive(Clone)]
pub struct Node<'a> {
    pub value: &'a Value,
    path: String,
}

/// A mapping whose keys can be checked against the ones the format knows.
pub struct Map<'a> {
    node: Node<'a>,
    entries: &'a Mapping,
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a map",
        Value::Tagged(_) => "a tagged value",
    }
}

impl<'a> Node<'a> {
    pub fn root(value: &'a Value) -> Self {
        Node {
            value,
            path: String::new(),
        }
    }

    pub fn path(&self) -> &str {
        if self.path.is_empty() {
            "(top level)"
        } else {
            &self.path
        }
    }

    pub fn problem(&self, message: impl Into<String>) -> Problem {
        Problem {
            path: self.path().to_owned(),
            message: message.into(),
        }
    }

    /// The node as a map, or a problem naming what was found instead.
    pub fn map(self) -> Result<Map<'a>, Problem> {
        match self.value {
            Value::Mapping(entries) => Ok(Map {
                node: self,
                entries,
            }),
            other => Err(self.problem(format!("expected a map, found {}", describe(other)))),
        }
    }

    /// The items of a list, each with its path; nothing (`~`) is an empty list.
    pub fn list(self) -> Result<Vec<Node<'a>>, Problem> {
        match self.value {
            Value::Sequence(items) => Ok(items
                .iter()
                .enumerate()
                .map(|(index, value)| Node {
                    value,
                    path: format!("{}[{index}]", self.path),
                })
                .collect()),
            Value::Null => Ok(Vec::new()),
            other => Err(self.problem(format!("expected a list, found {}", describe(other)))),
        }
    }

    /// Text, leniently: numbers and true/false are read as they are written.
    pub fn text(&self) -> Result<String, Problem> {
        match self.value {
            Value::String(text) => Ok(text.trim().to_owned()),
            Value::Number(number) => Ok(number.to_string()),
            Value::Bool(flag) => Ok(flag.to_string()),
            Value::Null => Ok(String::new()),
            other => Err(self.problem(format!("expected text, found {}", describe(other)))),
        }
    }
}

impl<'a> Map<'a> {
    pub fn node(&self) -> &Node<'a> {
        &self.node
    }

    fn child_path(&self, key: &str) -> String {
        if self.node.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.node.path)
        }
    }

    /// The value under `key`, if the key is there.
    pub fn get(&self, key: &str) -> Option<Node<'a>> {
        self.entries.get(key).map(|value| Node {
            value,
            path: self.child_path(key),
        })
    }

    /// The list under `key`; a missing key is an empty list.
    pub fn list(&self, key: &str) -> Result<Vec<Node<'a>>, Problem> {
        self.get(key).map_or(Ok(Vec::new()), Node::list)
    }

    /// Text under `key`; empty or missing is `None`.
    pub fn text(&self, key: &str) -> Result<Option<String>, Problem> {
        match self.get(key) {
            Some(node) => node.text().map(|text| Some(text).filter(|t| !t.is_empty())),
            None => Ok(None),
        }
    }

    /// Warnings for keys outside `known`, each with its path.
    pub fn unknown_keys(&self, known: &[&str], warnings: &mut Vec<Problem>) {
        for key in self.entries.keys() {
            let name = match key {
                Value::String(name) => name.clone(),
                other => serde_yaml_ng::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
            };
            if !known.contains(&name.as_str()) {
                warnings.push(Problem {
                    path: self.child_path(&name),
                    message: format!("unknown key “{name}” ignored"),
                });
            }
        }
    }
}
