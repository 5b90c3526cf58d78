package notices

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pdfImage is an image XObject of a document.
type pdfImage struct {
	res  string // resource name, e.g. "Im1"
	ref  *types.IndirectRef
	w, h int // pixels
}

// image embeds a PNG or JPEG once per document; pdfcpu decodes it and
// builds the XObject (Flate for PNG, DCT kept as is for JPEG).
func (d *pdfDoc) image(data []byte) (*pdfImage, error) {
	sd, w, h, err := imageStream(d.xt, data)
	if err != nil {
		return nil, fmt.Errorf("notices: embedding image: %w: %w", ErrBadImage, err)
	}
	ref, err := d.xt.IndRefForNewObject(sd)
	if err != nil {
		return nil, fmt.Errorf("notices: embedding image: %w", err)
	}
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("notices: embedding image: %w: empty", ErrBadImage)
	}
	im := &pdfImage{res: fmt.Sprintf("Im%d", len(d.images)+1), ref: ref, w: w, h: h}
	d.images = append(d.images, im)
	return im, nil
}

// drawImage paints im with its bottom-left corner at (x, y) in PDF user
// space, w × h points.
func (p *pdfPage) drawImage(im *pdfImage, x, y, w, h float64) {
	fmt.Fprintf(&p.content, "q %s 0 0 %s %s %s cm /%s Do Q\n",
		num(w), num(h), num(x), num(y), im.res)
}
