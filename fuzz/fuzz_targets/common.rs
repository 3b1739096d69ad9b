// Shared by the targets: the invariants every document must hold.
use attache::Document;

pub fn check(text: &str, doc: &Document) {
    let ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
    let mut last = 0;
    for m in &doc.mentions {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{m:?}");
        assert_eq!(&text[m.start..m.end], m.text);
        assert!(m.start >= last, "mentions out of order");
        last = m.start;
        assert!(ids.contains(&m.entity.as_str()));
    }
    for r in &doc.relations {
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?}");
        assert_eq!(&text[r.start..r.end], r.text);
        assert!(ids.contains(&r.subject.as_str()) && ids.contains(&r.object.as_str()), "{r:?}");
    }
}
