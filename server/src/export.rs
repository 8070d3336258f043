//! Writers of community data files: `sigs.yaml`, generated READMEs and the
//! KubeSphere README. All start from `app::store::export::community`.

pub mod kubesphere_md;
pub mod readme;
pub mod sigs_yaml;
