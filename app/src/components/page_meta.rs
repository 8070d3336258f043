use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::components::site_name::SiteName;
use crate::i18n::{language, Language};

/// A public page's title, description, canonical address (in its
/// language), its addresses in the other languages (`hreflang`) and Open
/// Graph tags, so links to it read well when shared.
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
                        let url = info.url(&language().href(&path));
                        // The same page in every language, and which to offer by default.
                        let alternates = Language::all()
                            .map(|other| (other.tag(), info.url(&other.href(&path))))
                            .chain([("x-default", info.url(&path))])
                            .map(|(tag, href)| view! { <Link rel="alternate" hreflang=tag href /> })
                            .collect_view();
                        view! {
                            <Link rel="canonical" href=url.clone() />
                            {alternates}
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
