// Package notices renders what the agency sends: PDF letters in the layout of
// the Regulation of the Prime Minister's Office on Correspondence B.E. 2526
// (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ), in Thai and in English, and
// multi-section documents such as the participation agreement.
//
// Text goes through four steps before it reaches a page:
//
//  1. Shaping (shape.go): a paragraph is split into runs by script (Thai,
//     Latin; common characters join their neighbours) and each run is shaped
//     by go-text's port of HarfBuzz at units-per-em, so glyph IDs, advances
//     and mark offsets equal those of hb-shape. Sizes are applied afterwards.
//  2. Line breaking (linebreak.go): break opportunities come from spaces and,
//     inside Thai, from a dictionary (maximal matching over [Dictionary]);
//     no break ever falls inside a character cluster or after a leading
//     vowel (เ แ โ ใ ไ).
//  3. Layout (layout.go, page.go): lines are filled and aligned left, centred,
//     right or with Thai distributed justification, then placed on A4 pages
//     with page numbers.
//  4. PDF (pdf*.go): each face becomes a Type0 font with Identity-H encoding
//     and a CIDFontType2 descendant whose widths are the font's advances; the
//     font file is subset by pdfcpu's subsetter, which keeps glyph numbers.
//     Glyphs are placed with TJ and text rise, a ToUnicode map and ActualText
//     spans make text extraction give back the original text.
//
// Letters ([RenderLetter]) and documents ([RenderDocument]) are built on that
// layer. Nothing here knows about cases or the workflow: callers fill a
// [Letter] or a [Document] and get a PDF.
package notices
