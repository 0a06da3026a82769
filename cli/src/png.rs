//! PNG output: the SVG the CLI draws, rendered by resvg at its own size, with labels in
//! the system's fonts (sans-serif falls back to whatever the system has).

use resvg::{tiny_skia, usvg};

/// The PNG bytes of `svg`, at its pixel size.
///
/// # Errors
/// A message when the SVG cannot be read back or the image cannot be made.
pub fn render(svg: &str) -> Result<Vec<u8>, String> {
    let mut options = usvg::Options::default();
    let db = options.fontdb_mut();
    db.load_system_fonts();
    // The SVG asks for Helvetica, Arial or sans-serif; sans-serif is the first of these
    // the system has.
    let has = |name: &str| {
        db.faces()
            .any(|f| f.families.iter().any(|(n, _)| n == name))
    };
    let sans = [
        "Helvetica",
        "Arial",
        "Liberation Sans",
        "DejaVu Sans",
        "Noto Sans",
    ]
    .into_iter()
    .find(|name| has(name));
    if let Some(name) = sans {
        db.set_sans_serif_family(name);
    }
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("cannot render the SVG: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("cannot make a {}x{} image", size.width(), size.height()))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the PNG: {e}"))
}
