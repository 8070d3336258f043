//! Content-addressed bundle URLs. At start the files of the site's package
//! directory (the wasm, its script and the styles) are hashed together and
//! the pages ask for `/pkg/<hash>/sigpost.js`; those answers may be kept for
//! a year (`immutable`), and a new build gets new URLs by itself.

use std::path::Path;

use leptos::config::LeptosOptions;
use sha2::{Digest, Sha256};

/// Hex digits of the hash in the URLs: enough to never collide in practice.
const HASH_CHARS: usize = 16;

/// The hash of the files directly in `dir`, by name and content; `None`
/// when there are none (a server built without its bundle, as in tests).
pub fn fingerprint(dir: &Path) -> Option<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| entry.path())
        .collect();
    if files.is_empty() {
        return None;
    }
    files.sort();
    let mut hasher = Sha256::new();
    for file in files {
        hasher.update(file.file_name()?.as_encoded_bytes());
        hasher.update(std::fs::read(&file).ok()?);
    }
    let mut hash = hex::encode(hasher.finalize());
    hash.truncate(HASH_CHARS);
    Some(hash)
}

/// Points the pages at the hashed package directory, if there is a bundle.
pub fn version(options: &mut LeptosOptions) {
    let dir = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    if let Some(hash) = fingerprint(&dir) {
        options.site_pkg_dir = format!("{}/{hash}", options.site_pkg_dir).into();
    }
}

/// How a request for a bundle file is answered.
#[derive(Debug, PartialEq, Eq)]
pub enum BundlePath {
    /// This build's hashed URL: the file's real path, kept for a year.
    Current(String),
    /// Another build's hash (a page kept from before a deploy): the file
    /// this build has, which the browser must not keep.
    Other(String),
}

/// The real path of a `/pkg/<hash>/file` request under `options`.
pub fn unversioned(path: &str, options: &LeptosOptions) -> Option<BundlePath> {
    let (pkg, hash) = options.site_pkg_dir.rsplit_once('/')?;
    let rest = path
        .strip_prefix('/')?
        .strip_prefix(pkg)?
        .strip_prefix('/')?;
    let (asked, file) = rest.split_once('/')?;
    let is_hash = asked.len() == HASH_CHARS && asked.bytes().all(|b| b.is_ascii_hexdigit());
    if !is_hash || file.is_empty() {
        return None;
    }
    let real = format!("/{pkg}/{file}");
    Some(if asked == hash {
        BundlePath::Current(real)
    } else {
        BundlePath::Other(real)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(root: &Path) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("sigpost")
            .site_root(root.to_str().expect("a UTF-8 path"))
            .build()
    }

    #[test]
    fn the_urls_change_with_the_bundle_and_only_then() {
        let root = tempfile::tempdir().expect("a site root");
        let mut bare = options(root.path());
        version(&mut bare);
        assert_eq!(bare.site_pkg_dir.as_ref(), "pkg", "no bundle, no hash");

        std::fs::create_dir(root.path().join("pkg")).expect("pkg");
        std::fs::write(root.path().join("pkg/sigpost.js"), "one").expect("js");
        let first = fingerprint(&root.path().join("pkg")).expect("a hash");
        assert_eq!(fingerprint(&root.path().join("pkg")), Some(first.clone()));
        std::fs::write(root.path().join("pkg/sigpost.js"), "two").expect("js");
        let second = fingerprint(&root.path().join("pkg")).expect("a hash");
        assert_ne!(first, second);

        let mut versioned = options(root.path());
        version(&mut versioned);
        assert_eq!(versioned.site_pkg_dir.as_ref(), format!("pkg/{second}"));
        assert_eq!(
            unversioned(&format!("/pkg/{second}/sigpost.js"), &versioned),
            Some(BundlePath::Current("/pkg/sigpost.js".into()))
        );
        assert_eq!(
            unversioned(&format!("/pkg/{first}/sigpost.js"), &versioned),
            Some(BundlePath::Other("/pkg/sigpost.js".into()))
        );
        for not_hashed in [
            "/pkg/sigpost.js",
            "/pkg/notahash/sigpost.js",
            "/favicon.svg",
            "/pkg/",
        ] {
            assert_eq!(unversioned(not_hashed, &versioned), None, "{not_hashed}");
        }
    }
}
