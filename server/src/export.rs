//! Writers of community data files: `sigs.yaml` and generated READMEs.
//! Both start from `app::store::export::community`.

pub mod readme;
pub mod sigs_yaml;
