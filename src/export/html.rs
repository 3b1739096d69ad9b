//! A self-contained HTML page to look at what attache found: one section per document, its text
//! with every mention marked by kind, the relations beside it (under it on a phone).
//!
//! The page loads nothing: its CSS and script are inline. In it,
//! - every mention is a `<mark data-entity="<id>" data-kind="<kind>">` whose tooltip (`title`)
//!   gives the entity's name, id, actor code (`attrs.actor`) and attributes; nested mentions (a
//!   group mention holds its country word) are nested marks. Where two mentions cross, the second
//!   is closed and reopened as a `<mark class="cont" data-cont="<id>">`, so that there is one
//!   `mark[data-entity]` per mention and the HTML stays valid;
//! - every relation is an element with `data-relation="<kind>"`, `data-subject`, `data-object`
//!   (absent for one-party events), `data-event` (its PLOVER type), `data-mode`, `data-cameo`,
//!   `data-rule` (and `data-rules`, every rule that found it, when several did), and `data-start`/`data-end`, its evidence in UTF-16 units of the text; hovering
//!   or focusing it highlights the evidence and the marks of its parties;
//! - hovering a mark highlights the other mentions of its entity and its relations; tapping one
//!   shows its tooltip in a panel (phones have no hover);
//! - a legend gives the colour of each kind; a summary counts documents, mentions and relations.
//!
//! Everything from the input (text, names, ids, attributes) is escaped.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::{kind_of, kinds, valid_span, Exporter, Item, Offsets};
use crate::{Document, EntityKind};

/// Writes documents as one HTML page.
#[derive(Debug)]
pub struct HtmlExporter {
    title: String,
    started: bool,
    count: usize,
}

impl Default for HtmlExporter {
    fn default() -> HtmlExporter {
        HtmlExporter::new("attache")
    }
}

impl HtmlExporter {
    /// A page with this title.
    pub fn new(title: &str) -> HtmlExporter {
        HtmlExporter { title: title.to_string(), started: false, count: 0 }
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let mut s = String::with_capacity(8192);
        s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        s.push_str("<meta name=\"generator\" content=\"attache\">\n<title>");
        escape(&mut s, &self.title);
        s.push_str("</title>\n<style>\n");
        s.push_str(CSS);
        s.push_str("</style>\n</head>\n<body>\n<header class=\"top\">\n<h1>");
        escape(&mut s, &self.title);
        s.push_str("</h1>\n<p id=\"summary\"></p>\n<ul class=\"legend\" aria-label=\"Entity kinds\">\n");
        for kind in EntityKind::ALL {
            let k = kind.as_str();
            let _ = writeln!(s, "<li><span class=\"key\" data-kind=\"{k}\">{k}</span></li>");
        }
        s.push_str(
            "</ul>\n<p class=\"hint\">Hover or tap a mention for its entity, a relation for its evidence.</p>\n\
             </header>\n<main>\n",
        );
        out.write_all(s.as_bytes())
    }
}

const CSS: &str = r#":root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;
--person:#fde68a;--country:#bfdbfe;--organization:#bbf7d0;--place:#fbcfe8;--document:#e9d5ff;
--event:#fed7aa;--group:#a5f3fc;--money:#d9f99d;--entity:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header.top{padding:1rem 1.25rem;border-bottom:1px solid var(--line);background:var(--panel)}
h1{margin:0 0 .25rem;font-size:1.4rem}
#summary{margin:0 0 .5rem;color:var(--muted)}
.hint{margin:.5rem 0 0;color:var(--muted);font-size:.85rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;margin:0;padding:0;list-style:none}
.key{display:inline-block;padding:.05rem .5rem;border-radius:.3rem;font-size:.85rem}
main{max-width:90rem;margin:0 auto;padding:0 1.25rem 4rem}
section.doc{border-bottom:1px solid var(--line);padding:1.25rem 0}
section.doc h2{margin:0 0 .75rem;font-size:1.1rem;overflow-wrap:anywhere}
section.doc h2 small{font-weight:normal;color:var(--muted)}
.cols{display:grid;grid-template-columns:minmax(0,1fr);gap:1.25rem}
@media (min-width:56rem){.cols{grid-template-columns:minmax(0,3fr) minmax(16rem,2fr)}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1;font-size:1.05rem;margin:0}
mark,.key{background:var(--c,var(--entity));color:inherit}
[data-kind=person]{--c:var(--person)}[data-kind=country]{--c:var(--country)}
[data-kind=organization]{--c:var(--organization)}[data-kind=place]{--c:var(--place)}
[data-kind=document]{--c:var(--document)}[data-kind=event]{--c:var(--event)}
[data-kind=group]{--c:var(--group)}[data-kind=money]{--c:var(--money)}
mark{padding:.1em .15em;border-radius:.25em;box-decoration-break:clone;-webkit-box-decoration-break:clone;cursor:help}
mark mark{padding:0 .1em;box-shadow:inset 0 -2px 0 rgba(0,0,0,.35)}
mark[data-entity]::after{content:attr(data-kind);font-size:.6em;font-weight:600;letter-spacing:.03em;text-transform:uppercase;margin-left:.3em;color:rgba(0,0,0,.55);vertical-align:.15em}
mark.cont::after{content:none}
mark.same{outline:2px solid #0969da}
mark.on{outline:2px solid #cf222e}
::highlight(evidence){background:#fff3b0;text-decoration:underline 2px #cf222e}
.evidence-fallback{text-decoration:underline 2px #cf222e}
aside h3{margin:0 0 .5rem;font-size:1rem}
.relations,.entities{list-style:none;margin:0 0 1rem;padding:0}
.relations li{border:1px solid var(--line);border-radius:.4rem;padding:.45rem .6rem;margin:0 0 .5rem;overflow-wrap:anywhere;background:var(--bg)}
.relations li.on,.relations li:hover,.relations li:focus{border-color:#cf222e;outline:none;background:#fff8f6}
.relations li.same{border-color:#0969da}
.rk{font-weight:600}
.ev{font:12px/1.6 ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--panel);border:1px solid var(--line);border-radius:.3rem;padding:0 .3rem;margin-left:.3rem}
.parties{display:block}
.quote{display:block;color:var(--muted);font-size:.9rem;margin-top:.2rem}
.rule,.args{color:var(--muted);font-size:.8rem}
.entities li{font-size:.9rem;margin:.15rem 0;overflow-wrap:anywhere}
.none{color:var(--muted);font-style:italic}
#info{position:fixed;left:0;right:0;bottom:0;margin:0;padding:.6rem 1rem;background:#1f2328;color:#fff;white-space:pre-wrap;font-size:.9rem;display:none;z-index:2}
#info.shown{display:block}
@media (max-width:40rem){header.top{padding:.75rem}main{padding:0 .75rem 5rem}.text{font-size:1rem}}
"#;

const SCRIPT: &str = r#"(function(){
var d=document;
function all(root,sel){return Array.prototype.slice.call(root.querySelectorAll(sel));}
function idOf(m){return m.getAttribute('data-entity')||m.getAttribute('data-cont');}
var hl=!!(window.CSS&&CSS.highlights&&window.Highlight);
function rangeOf(box,s,e){
  var w=d.createTreeWalker(box,NodeFilter.SHOW_TEXT),n,seen=0,r=d.createRange(),started=false;
  while((n=w.nextNode())){var l=n.data.length;
    if(!started&&s<=seen+l){r.setStart(n,s-seen);started=true;}
    if(started&&e<=seen+l){r.setEnd(n,e-seen);return r;}
    seen+=l;}
  return null;}
function clear(){if(hl)CSS.highlights.delete('evidence');
  all(d,'.on,.same,.evidence-fallback').forEach(function(x){x.classList.remove('on','same','evidence-fallback');});}
function showRelation(li){clear();var sec=li.closest('section');if(!sec)return;
  var box=sec.querySelector('.text');var r=box&&rangeOf(box,+li.getAttribute('data-start'),+li.getAttribute('data-end'));
  if(r&&hl)CSS.highlights.set('evidence',new Highlight(r));
  li.classList.add('on');
  var who=[li.getAttribute('data-subject'),li.getAttribute('data-object')];
  all(sec,'mark').forEach(function(m){var inside=!r||r.intersectsNode(m);
    if(inside&&!hl)m.classList.add('evidence-fallback');
    if(inside&&who.indexOf(idOf(m))>=0)m.classList.add('on');});}
function showEntity(m){clear();var sec=m.closest('section');if(!sec)return;var id=idOf(m);
  all(sec,'mark').forEach(function(x){if(idOf(x)===id)x.classList.add('same');});
  all(sec,'[data-relation]').forEach(function(li){if(li.getAttribute('data-subject')===id||li.getAttribute('data-object')===id)li.classList.add('same');});}
all(d,'[data-relation]').forEach(function(li){
  li.addEventListener('mouseenter',function(){showRelation(li);});
  li.addEventListener('mouseleave',clear);
  li.addEventListener('focus',function(){showRelation(li);});
  li.addEventListener('blur',clear);});
d.addEventListener('mouseover',function(ev){var m=ev.target.closest&&ev.target.closest('mark');if(m)showEntity(m);});
d.addEventListener('mouseout',function(ev){var m=ev.target.closest&&ev.target.closest('mark');if(m)clear();});
var info=d.getElementById('info');
d.addEventListener('click',function(ev){var m=ev.target.closest&&ev.target.closest('mark');
  if(m){info.textContent=m.getAttribute('title');info.classList.add('shown');showEntity(m);}
  else if(!(ev.target.closest&&ev.target.closest('[data-relation]'))){info.classList.remove('shown');clear();}});
var docs=all(d,'section.doc').length,marks=all(d,'mark[data-entity]').length,rels=all(d,'[data-relation]').length;
var sum=d.getElementById('summary');
sum.textContent=docs+(docs===1?' document':' documents')+' \u00b7 '+marks+(marks===1?' mention':' mentions')+' \u00b7 '+rels+(rels===1?' relation':' relations');
sum.setAttribute('data-documents',docs);sum.setAttribute('data-marks',marks);sum.setAttribute('data-relations',rels);
if(location.hash==='#selftest'){var de=d.documentElement,first=d.querySelector('[data-relation]'),hover=null;
  if(first){first.dispatchEvent(new MouseEvent('mouseenter'));var h=hl&&CSS.highlights.get('evidence');
    hover={evidence:h?Array.from(h)[0].toString():null,parties:all(d,'mark.on').length};clear();}
  d.body.setAttribute('data-selftest',JSON.stringify({documents:docs,marks:marks,relations:rels,
    overflow:de.scrollWidth>de.clientWidth,width:de.clientWidth,hover:hover}));}
})();
"#;

/// Appends `s` to `out` with `&`, `<`, `>`, `"` and `'` escaped (for text and attribute values
/// alike), NUL as U+FFFD and carriage returns as character references (which the HTML parser
/// keeps, where it would turn a raw CR LF into LF).
pub(crate) fn escape(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\r' => "&#13;",
            b'\0' => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// The tooltip of an entity: name, kind and id, actor code, attributes, one a line.
fn tooltip(doc: &Document, id: &str, kind: &str) -> String {
    let mut s = String::new();
    match doc.entity(id) {
        Some(e) => {
            let _ = write!(s, "{}\n{kind} \u{b7} {id}", e.name);
            if let Some(actor) = e.attrs.get("actor") {
                let _ = write!(s, "\nactor: {actor}");
            }
            for (k, v) in e.attrs.iter().filter(|(k, _)| *k != "actor") {
                let _ = write!(s, "\n{k}: {v}");
            }
        }
        None => {
            let _ = write!(s, "{id}\n{kind}");
        }
    }
    s
}

/// A mark's opening tag; `cont` for the part after a crossing mention closed it.
fn open_mark(out: &mut String, entity: &str, kind: &str, title: &str, cont: bool) {
    out.push_str(if cont { "<mark class=\"cont\" data-cont=\"" } else { "<mark data-entity=\"" });
    escape(out, entity);
    out.push_str("\" data-kind=\"");
    escape(out, kind);
    out.push_str("\" title=\"");
    escape(out, title);
    out.push_str("\">");
}

/// The text with every mention marked: marks nest, and a mention that crosses another is closed
/// and reopened as a continuation.
pub(crate) fn marked_text(out: &mut String, text: &str, doc: &Document) {
    let kinds = kinds(doc);
    let mut titles: HashMap<&str, (String, &str)> = HashMap::new();
    // (start, end, entity) of each mention that slices the text, outer before inner
    let mut spans: Vec<(usize, usize, &str)> = doc
        .mentions
        .iter()
        .filter(|m| valid_span(text, m.start, m.end))
        .map(|m| (m.start, m.end, m.entity.as_str()))
        .collect();
    spans.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    for &(_, _, id) in &spans {
        titles.entry(id).or_insert_with(|| {
            let kind = kind_of(&kinds, id);
            (tooltip(doc, id, kind), kind)
        });
    }
    let open = |out: &mut String, i: usize, cont: bool| {
        let id = spans[i].2;
        let (title, kind) = &titles[id];
        open_mark(out, id, kind, title, cont);
    };
    let mut stack: Vec<usize> = Vec::new();
    let mut pos = 0;
    let mut next = 0;
    loop {
        let next_end = stack.iter().map(|&i| spans[i].1).min();
        let next_start = spans.get(next).map(|s| s.0);
        let p = match (next_start, next_end) {
            (None, None) => break,
            (Some(s), None) => s,
            (None, Some(e)) => e,
            (Some(s), Some(e)) => s.min(e),
        };
        escape(out, &text[pos..p]);
        pos = p;
        if next_end == Some(p) {
            // close every mark ending here, and reopen those closed on the way that do not
            let mut reopen = Vec::new();
            while stack.iter().any(|&i| spans[i].1 == p) {
                let Some(top) = stack.pop() else { break };
                out.push_str("</mark>");
                if spans[top].1 != p {
                    reopen.push(top);
                }
            }
            for i in reopen.into_iter().rev() {
                open(out, i, true);
                stack.push(i);
            }
        }
        while next < spans.len() && spans[next].0 == p {
            open(out, next, false);
            if spans[next].1 == p {
                out.push_str("</mark>");
            } else {
                stack.push(next);
            }
            next += 1;
        }
    }
    escape(out, &text[pos..]);
}

/// One document's section.
pub(crate) fn section(out: &mut String, n: usize, item: &Item<'_>) {
    let doc = item.doc;
    let offsets = Offsets::new(item.text);
    let kinds = kinds(doc);
    let _ = write!(out, "<section class=\"doc\" id=\"doc-{n}\" data-doc=\"");
    escape(out, item.name);
    out.push_str("\">\n<h2>");
    escape(out, item.name);
    if let Some(date) = &doc.date {
        out.push_str(" <small>as of ");
        escape(out, &date.to_string());
        if doc.date_assumed {
            out.push_str(" (assumed)");
        }
        out.push_str("</small>");
    }
    out.push_str("</h2>\n<div class=\"cols\">\n<p class=\"text\">");
    marked_text(out, item.text, doc);
    out.push_str("</p>\n<aside>\n<h3>Relations</h3>\n");
    if doc.relations.is_empty() {
        out.push_str("<p class=\"none\">None found.</p>\n");
    } else {
        out.push_str("<ol class=\"relations\">\n");
        for rel in &doc.relations {
            out.push_str("<li tabindex=\"0\" data-relation=\"");
            escape(out, rel.kind.as_str());
            out.push_str("\" data-subject=\"");
            escape(out, &rel.subject);
            if let Some(object) = &rel.object {
                out.push_str("\" data-object=\"");
                escape(out, object);
            }
            let _ = write!(out, "\" data-event=\"{}\" data-mode=\"", rel.event.event_type);
            escape(out, &rel.event.mode);
            out.push_str("\" data-cameo=\"");
            escape(out, &rel.event.cameo);
            out.push_str("\" data-rule=\"");
            escape(out, &rel.rule);
            if !rel.rules.is_empty() {
                out.push_str("\" data-rules=\"");
                escape(out, &rel.rules.join(" "));
            }
            let (start, end) = if valid_span(item.text, rel.start, rel.end) { (rel.start, rel.end) } else { (0, 0) };
            let _ = write!(out, "\" data-start=\"{}\" data-end=\"{}\">", offsets.utf16(start), offsets.utf16(end));
            out.push_str("<span class=\"rk\">");
            escape(out, rel.kind.as_str());
            out.push_str("</span><span class=\"ev\" title=\"PLOVER event type, mode, CAMEO code\">");
            let _ = write!(out, "{}", rel.event.event_type);
            for part in [&rel.event.mode, &rel.event.cameo] {
                if !part.is_empty() {
                    out.push(' ');
                    escape(out, part);
                }
            }
            out.push_str("</span>\n<span class=\"parties\">");
            escape(out, doc.name(&rel.subject));
            if let Some(object) = &rel.object {
                out.push_str(" \u{2192} ");
                escape(out, doc.name(object));
            }
            out.push_str("</span>");
            if !rel.args.is_empty() {
                out.push_str("<span class=\"args\">");
                for (i, (k, v)) in rel.args.iter().enumerate() {
                    out.push_str(if i == 0 { " " } else { ", " });
                    escape(out, k);
                    out.push('=');
                    escape(out, doc.name(v));
                }
                out.push_str("</span>");
            }
            out.push_str("<span class=\"quote\">\u{201c}");
            escape(out, &rel.text.split_whitespace().collect::<Vec<_>>().join(" "));
            out.push_str("\u{201d} <span class=\"rule\">");
            escape(out, &rel.rule_ids().map(|r| r.as_str()).collect::<Vec<_>>().join(", "));
            out.push_str("</span></span></li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("<h3>Entities</h3>\n");
    if doc.entities.is_empty() {
        out.push_str("<p class=\"none\">None found.</p>\n");
    } else {
        out.push_str("<ul class=\"entities\">\n");
        for e in &doc.entities {
            let kind = kind_of(&kinds, &e.id);
            out.push_str("<li><span class=\"key\" data-kind=\"");
            escape(out, kind);
            out.push_str("\">");
            escape(out, kind);
            out.push_str("</span> ");
            escape(out, &e.name);
            if let Some(actor) = e.attrs.get("actor") {
                out.push_str(" <span class=\"rule\">");
                escape(out, actor);
                out.push_str("</span>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</aside>\n</div>\n</section>\n");
}

impl Exporter for HtmlExporter {
    fn document(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        self.start(out)?;
        self.count += 1;
        let mut s = String::with_capacity(item.text.len() * 3 + 1024);
        section(&mut s, self.count, item);
        out.write_all(s.as_bytes())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        if self.count == 0 {
            out.write_all(b"<p class=\"none\">No documents.</p>\n")?;
        }
        out.write_all(b"</main>\n<p id=\"info\" role=\"status\"></p>\n<script>\n")?;
        out.write_all(SCRIPT.as_bytes())?;
        out.write_all(b"</script>\n</body>\n</html>\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything() {
        let mut s = String::new();
        escape(&mut s, "a<b>&\"c\"'\r\n\0");
        assert_eq!(s, "a&lt;b&gt;&amp;&quot;c&quot;&#39;&#13;\n\u{FFFD}");
    }
}
