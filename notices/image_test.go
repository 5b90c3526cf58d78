package notices

import (
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TestImageStreamSoftMask embeds the same transparent PNG in two documents
// and checks that each refers to a soft mask in its own object table.
func TestImageStreamSoftMask(t *testing.T) {
	t.Parallel()
	png := sampleEmblem(t)
	for range 2 {
		doc, err := newPDFDoc("")
		if err != nil {
			t.Fatal(err)
		}
		im, err := doc.image(png)
		if err != nil {
			t.Fatal(err)
		}
		sd := doc.xt.Table[im.ref.ObjectNumber.Value()].Object.(types.StreamDict)
		ref, ok := sd.Dict["SMask"].(types.IndirectRef)
		if !ok {
			t.Fatal("transparent PNG has no SMask")
		}
		if _, ok := doc.xt.Table[ref.ObjectNumber.Value()].Object.(types.StreamDict); !ok {
			t.Errorf("SMask %v is not a stream of this document", ref)
		}
		if im.w != 120 || im.h != 140 {
			t.Errorf("image is %d×%d, want 120×140", im.w, im.h)
		}
	}
}
