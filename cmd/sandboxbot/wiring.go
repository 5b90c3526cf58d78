package main

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"os"

	"sandboxbot/cases"
	"sandboxbot/forms"
	"sandboxbot/mailbox"
	"sandboxbot/notices"
)

// This file joins the packages that know nothing of each other: notices
// renders for the mailbox's composer, forms reads for the mailbox's desk,
// and notices paints the labels of the blank forms.

// renderer adapts notices.Render to the composer.
func renderer(opt notices.RenderOptions) mailbox.Renderer {
	return mailbox.RendererFunc(func(ctx context.Context, n cases.Notice) (
		*mailbox.Rendered, error) {
		r, err := notices.Render(ctx, n, opt)
		if err != nil {
			return nil, err
		}
		out := &mailbox.Rendered{Subject: r.Subject, Body: r.Body}
		for _, a := range r.Attachments {
			out.Files = append(out.Files, cases.File{Name: a.Name, ContentType: a.ContentType,
				Data: a.Data})
		}
		return out, nil
	})
}

// newComposer builds the composer of the configuration; replyTo gives
// officers' mail its token, nil none.
func newComposer(cfg *Config, dir mailbox.Directory,
	replyTo func(cases.Ref, string, cases.Stage) (string, error)) (*mailbox.Composer, error) {
	o := mailbox.ComposerOptions{Renderer: renderer(cfg.renderOptions()),
		From:      mail.Address{Name: cfg.Mail.Name, Address: cfg.Mail.Address},
		Directory: dir, Management: cfg.Mail.Management, ReplyTo: replyTo,
		MessageDomain: cfg.Policy.MessageDomain}
	if cfg.Mail.DKIMDomain != "" {
		key, err := readPrivateKey(cfg.Mail.DKIMKeyFile)
		if err != nil {
			return nil, fmt.Errorf("config mail.dkim_key_file: %w", err)
		}
		o.DKIM = &mailbox.DKIMKey{Domain: cfg.Mail.DKIMDomain,
			Selector: cfg.Mail.DKIMSelector, Signer: key}
	}
	return mailbox.NewComposer(o)
}

// readPrivateKey reads a PEM private key: PKCS#8 (RSA or Ed25519) or
// PKCS#1 (RSA).
func readPrivateKey(path string) (crypto.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, fmt.Errorf("%s holds no PEM block", path)
	}
	if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		if s, ok := k.(crypto.Signer); ok {
			return s, nil
		}
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	return nil, fmt.Errorf("%s is not an RSA or Ed25519 private key in PKCS#8 or PKCS#1",
		path)
}

// formReader adapts forms.Parse to the desk.
var formReader = mailbox.FormReaderFunc(func(ctx context.Context, a mailbox.Attachment,
	others []string, received cases.Date) (cases.Event, error) {
	rec, err := forms.Parse(ctx, a.Name, a.Data,
		forms.ParseOptions{Received: received, Attachments: others})
	var ps forms.Problems
	switch {
	case errors.Is(err, forms.ErrNotAForm) || errors.Is(err, forms.ErrUnknownFormat):
		return cases.Event{}, mailbox.ErrNotAForm
	case errors.As(err, &ps):
		e, _ := rec.Event() // the kind and case, for the reply
		return cases.Event{}, &mailbox.FormError{Kind: e.Kind, Case: rec.CaseRef(),
			Reason: ps.TextIn("en"), ReasonTH: ps.TextIn("th")}
	case err != nil:
		en, th := forms.Explain(a.Name, err)
		return cases.Event{}, &mailbox.FormError{Unreadable: true, Reason: en, ReasonTH: th}
	}
	e, err := rec.Event()
	if errors.Is(err, forms.ErrNotApplicantForm) {
		return cases.Event{}, &mailbox.FormError{
			Reason: fmt.Sprintf("%s is the officers' %s form, which applicants do not send",
				a.Name, rec.Kind),
			ReasonTH: fmt.Sprintf("%s เป็นแบบฟอร์ม %s สำหรับเจ้าหน้าที่ ผู้ยื่นคำขอไม่ต้องส่ง",
				a.Name, rec.Kind)}
	}
	return e, err
})

// labelPainter adapts notices.WriteOverlay to forms: the labels of a blank
// PDF form, each shaped and set in Sarabun on pages of the form's size.
var labelPainter = forms.LabelPainterFunc(func(ctx context.Context, w io.Writer,
	width, height float64, pages int, labels []forms.PageLabel) error {
	lines := make([]notices.PlacedLine, len(labels))
	for i, l := range labels {
		// The two types have the same fields: a field added to one and
		// not the other stops this conversion from compiling.
		lines[i] = notices.PlacedLine(l)
	}
	return notices.WriteOverlay(ctx, w, notices.Overlay{Width: width, Height: height,
		Pages: pages, Lines: lines})
})

// blankOptions are how the command line writes blank forms: the labels of a
// PDF painted by notices' shaped text layer.
var blankOptions = forms.BlankOptions{Labels: labelPainter}

// blankForms are the blank expression of interest, as a PDF and a
// workbook, attached to the explanation a stranger gets.
func blankForms(ctx context.Context) ([]cases.File, error) {
	var out []cases.File
	for _, f := range []struct {
		format forms.Format
		name   string
		ct     string
	}{
		{forms.PDF, "interest.pdf", "application/pdf"},
		{forms.XLSX, "interest.xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	} {
		var buf bytes.Buffer
		err := forms.WriteBlankWith(ctx, &buf, "interest", f.format, blankOptions)
		if err != nil {
			return nil, fmt.Errorf("writing the blank interest form: %w", err)
		}
		out = append(out, cases.File{Name: f.name, ContentType: f.ct, Data: buf.Bytes()})
	}
	return out, nil
}
