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
// layer: callers fill a [Letter] or a [Document] and get a PDF.
// [WriteOverlay] uses only its first and last steps: it sets lines, each
// shaped and never broken, at fixed places on pages of a given size, to be
// laid over another PDF (the command line draws the labels of the blank
// forms with it).
//
// [Render] turns a notice the workflow owes (cases.Notice, handed to the
// outbox composer) into what an e-mail needs, in four steps:
//
//  1. Language (render.go): the applicant's, from the case; Thai and English
//     for officers and management.
//  2. Wording (wording.go, view.go): the kind's text/template files, from the
//     operator's directory or the shipped set (package templates), are run
//     on a view of the notice whose dates and numbers are already written in
//     the language (Buddhist Era years, Thai digits in Thai PDFs).
//  3. E-mail: the subject, always with the case's tag, and a plain-text body.
//  4. PDFs: for a letter kind (IsLetter), the letter; for an approval also the
//     participation agreement, with the applicant's test plan (the notice's
//     latest test_plan form) rendered as an annex and merged (agreement.go).
//
// Reports are built from one read of the store (cases.Status): the status
// workbook for management ([WriteWorkbook], streamed with excelize, and
// [StatusReportNotice] to mail it), the public announcement of participants
// ([WriteAnnouncement]: PDF on the letters' text layer, HTML, xlsx), and
// the officers' digest of what the agency has to do ([DigestNotice]).
//
// Data flows one way: notices reads package cases and never mailbox or
// forms. [Sample] gives a realistic notice of every kind for the command line
// and tests; [CheckWording] checks an operator's templates.
package notices
