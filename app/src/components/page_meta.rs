use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::components::site_name::SiteName;

/// A public page's title, description, canonical address and Open Graph
/// tags, so links to it read well when shared.
#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    /// The page's path, such as `/sigs/storage`.
    #[prop(into)]
    path: String,
) -> impl IntoView {
    let site = expect_context::<SiteName>();
    let (og_title, og_description) = (title.clone(), description.clone());
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        <Suspense fallback=|| ()>
            {move || {
                let (path, og_title, og_description) = (path.clone(), og_title.clone(), og_description.clone());
                Suspend::new(async move {
                    site.0.await.ok().map(|info| {
                        let url = info.url(&path);
                        view! {
                            <Link rel="canonical" href=url.clone() />
                            <Meta property="og:type" content="website" />
                            <Meta property="og:site_name" content=info.name />
                            <Meta property="og:title" content=og_title />
                            <Meta property="og:description" content=og_description />
                            <Meta property="og:url" content=url />
                        }
                    })
                })
            }}
        </Suspense>
    }
}
