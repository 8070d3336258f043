//! `/api/v1/openapi.json`: the OpenAPI 3.1 description of the JSON API.

use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

fn get(summary: &str, schema: Value) -> Value {
    json!({
        "get": {
            "summary": summary,
            "responses": {
                "200": {
                    "description": "OK; the ETag header names this version",
                    "content": { "application/json": { "schema": schema } }
                },
                "304": { "description": "Not modified since the If-None-Match ETag" }
            }
        }
    })
}

fn array_of(name: &str) -> Value {
    json!({ "type": "array", "items": { "$ref": format!("#/components/schemas/{name}") } })
}

pub async fn document() -> Response {
    let string = json!({ "type": "string" });
    let optional = json!({ "type": ["string", "null"] });
    let mut sig = get(
        "One SIG with its meetings and roadmap",
        json!({ "$ref": "#/components/schemas/SigDetail" }),
    );
    sig["get"]["parameters"] =
        json!([{ "name": "slug", "in": "path", "required": true, "schema": string }]);
    sig["get"]["responses"]["404"] = json!({ "description": "No SIG with this slug" });
    axum::Json(json!({
        "openapi": "3.1.0",
        "info": {
            "title": "sigpost API",
            "version": "1",
            "description": "Read-only data of the community's SIGs. E-mail addresses are never included."
        },
        "paths": {
            "/api/v1/sigs": get("Every active SIG", array_of("Sig")),
            "/api/v1/sigs/{slug}": sig,
            "/api/v1/people": get("Everyone who leads an active SIG", array_of("Person")),
            "/api/v1/roadmap": get("Every active SIG's roadmap items", array_of("RoadmapItem")),
            "/api/v1/meetings": get("Every active SIG's regular meetings", array_of("MeetingSeries")),
        },
        "components": {
            "schemas": {
                "Lead": { "type": "object", "properties": {
                    "name": string, "github": optional,
                    "role": { "enum": ["chair", "tech_lead", "emeritus"] } } },
                "Sig": { "type": "object", "required": ["slug", "name", "kind", "leads"], "properties": {
                    "slug": string, "name": string,
                    "kind": { "enum": ["sig", "working_group", "committee", "user_group"] },
                    "description": string,
                    "chat": { "type": ["object", "null"], "properties": { "label": string, "url": string } },
                    "leads": array_of("Lead"),
                    "page_url": string, "roadmap_url": string, "calendar_url": string } },
                "SigDetail": { "allOf": [ { "$ref": "#/components/schemas/Sig" }, { "type": "object", "properties": {
                    "mission": { "type": "string", "description": "markdown" },
                    "archived": { "type": "boolean" },
                    "mailing_list_url": optional, "meeting_notes_url": optional, "recordings_url": optional,
                    "teams": { "type": "array", "items": { "type": "object", "properties": {
                        "name": string, "description": string } } },
                    "subprojects": { "type": "array", "items": { "type": "object", "properties": {
                        "name": string, "description": string,
                        "owners": { "type": "array", "items": string } } } },
                    "meetings": array_of("MeetingSeries"),
                    "roadmap": array_of("RoadmapItem"),
                    "health_url": string,
                    "annual_reports": { "type": "array", "items": { "type": "object", "properties": {
                        "year": { "type": "integer" }, "url": string, "markdown_url": string } } } } } ] },
                "Person": { "type": "object", "properties": {
                    "name": string, "github": optional,
                    "leads": { "type": "array", "items": { "type": "object", "properties": {
                        "sig": string, "role": string } } } } },
                "RoadmapItem": { "type": "object", "properties": {
                    "id": { "type": "integer" }, "sig_slug": string, "sig_name": string, "title": string,
                    "excerpt": string,
                    "status": { "enum": ["Proposed", "Planned", "InProgress", "Done", "Dropped"] },
                    "target_month": { "type": "integer", "description": "months since year 0" },
                    "owner": { "type": ["object", "null"] }, "link_url": optional,
                    "version": { "type": "integer" }, "overdue": { "type": "boolean" } } },
                "MeetingSeries": { "type": "object", "properties": {
                    "id": { "type": "integer" }, "sig_slug": string, "sig_name": string, "title": string,
                    "rule": string,
                    "next": { "type": ["object", "null"], "properties": {
                        "starts_iso": string, "starts_unix": { "type": "integer" },
                        "ends_unix": { "type": "integer" }, "in_zone": string, "zone_label": string,
                        "in_utc": string } },
                    "join_url": optional, "notes_url": optional, "recordings_url": optional } }
            }
        }
    }))
    .into_response()
}
