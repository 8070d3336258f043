//! An uploaded community file and what importing it does, as the admin's
//! import pages show it.

use serde::{Deserialize, Serialize};

/// The largest file the upload form takes (the Kubernetes sigs.yaml is
/// about 170 KB).
pub const UPLOAD_MAX_BYTES: usize = 4 * 1024 * 1024;

/// The formats the importer reads, as the upload form names them.
pub const IMPORT_FORMATS: [(&str, &str); 2] = [
    ("sigs-yaml", "sigs.yaml (Kubernetes format)"),
    ("kubesphere-md", "KubeSphere-style SIG table (markdown)"),
];

/// Why an upload was refused, carried back to the form in its address
/// (`?problem=…`) as a code, never as free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadProblem {
    Unreadable,
    NoFile,
    TooLarge,
    NotText,
    ControlCharacter,
    UnknownFormat,
}

impl UploadProblem {
    const ALL: [UploadProblem; 6] = [
        Self::Unreadable,
        Self::NoFile,
        Self::TooLarge,
        Self::NotText,
        Self::ControlCharacter,
        Self::UnknownFormat,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Unreadable => "unreadable",
            Self::NoFile => "no-file",
            Self::TooLarge => "too-large",
            Self::NotText => "not-text",
            Self::ControlCharacter => "control-character",
            Self::UnknownFormat => "format",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|problem| problem.code() == code)
    }

    /// The form field the problem is about.
    pub fn field(self) -> &'static str {
        match self {
            Self::UnknownFormat => "format",
            _ => "file",
        }
    }

    pub fn message(self) -> String {
        crate::i18n::t(match self {
            Self::Unreadable => "upload-unreadable",
            Self::NoFile => "upload-no-file",
            Self::TooLarge => "upload-too-large",
            Self::NotText => "upload-not-text",
            Self::ControlCharacter => "upload-control-character",
            Self::UnknownFormat => "upload-unknown-format",
        })
    }
}

/// What an import did or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: usize,
    /// Values left out or keys ignored, each with its path.
    pub warnings: Vec<String>,
    /// Worth knowing, nothing lost (a text repaired, a meeting listed twice).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Why the file cannot be imported at all; empty when it can.
    pub errors: Vec<String>,
}

/// An uploaded file with its dry run, or with what applying it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub id: i64,
    pub file_name: String,
    pub format: String,
    pub uploaded_by: String,
    pub uploaded_label: String,
    /// "1 December 2026, 18:40 UTC" once applied.
    pub applied_label: Option<String>,
    pub outcome: ImportOutcome,
}
