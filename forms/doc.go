// Package forms owns the applicants' and officers' forms of the Digital
// Service Sandbox: one schema per form kind, blank forms generated from it
// (a fillable PDF and an xlsx workbook), and the parser that turns a filled
// form back into a typed Record, with every problem reported at once in Thai
// and English.
//
// The form kinds, their field keys and the way a form identifies itself are
// fixed by FORMS.md; labels, layout and wording are this package's.
//
// How a submission moves through the package:
//
//  1. A schema (Schema) declares a form kind: its fields, each with a key,
//     Thai and English labels, a type and rules, its tables of repeating
//     rows, and the rules that look at more than one field. Kinds lists them.
//  2. WriteBlank renders the blank form from the schema: a PDF AcroForm whose
//     field names are the keys, or a workbook whose input cells carry defined
//     names equal to the keys. Both carry form_kind and form_version.
//  3. Parse receives a file from the mail path (or the command line). It
//     refuses hostile files before any third-party reader sees them: too
//     large, encrypted, macro-enabled, zip bombs, entries lying about their
//     size. It then reads raw values with pdfcpu or excelize inside a guard
//     that recovers panics and enforces a time limit.
//  4. The raw values are read as people and tools write them (Excel date
//     serials, Buddhist Era years, Thai digits and month names, commas,
//     ✓ and ใช่) into typed Values, field by field, following the schema.
//  5. The schema's cross-field rules run (experience of at least two years
//     counted to the day the application arrives, declarations that must be
//     true, attachments present in the same email).
//  6. Parse returns the Record, or Problems: every problem, each naming the
//     field in Thai and English, what is wrong and what a valid value looks
//     like. Problems is an error; callers range over it.
//
// The command line needs only Kinds, ParseFormat, WriteBlankWith (with a
// LabelPainter) and Parse (with ParseOptions.Standalone), then Record.Summary or json.Marshal of the
// Record for a valid form, and Problems.Text for an invalid one.
//
// Data flows one way: mail → forms.Parse → cases. This package knows nothing
// of mail, notices or the case store; it uses cases only for its value types
// (cases.Date, cases.Ref). Whether a case_ref and juristic_id match a known
// case is for cases to decide.
//
// PDF labels (titles, introductions, field and column labels, row numbers,
// page footers) are drawn in one of two ways:
//
//   - Given a LabelPainter in BlankOptions.Labels, the layout hands it every
//     label with its page, baseline, size, weight, gray and the room it has,
//     and lays the pages it paints over the form's pages as form XObjects,
//     neither scaled nor moved, under the widgets. The command line passes a
//     painter built on package notices' shaped text layer (Sarabun, shaped as
//     HarfBuzz shapes it), so stacked Thai marks sit where they belong, a
//     label too wide for its room is set smaller, and text extraction gives
//     the labels back. This package cannot import notices (DESIGN.md: forms
//     and notices know nothing of each other), hence the interface.
//   - Without one (WriteBlank), pdfcpu's own text layer draws them with the
//     embedded TLWG Loma font. The text is complete and readable, but pdfcpu
//     does not shape Thai, so a tone mark over an upper vowel may sit a
//     little off, and a label wider than its room runs under the input.
//
// Either way the baselines are the same, and the input fields are set in
// Loma, which pdfcpu embeds in the form.
package forms
