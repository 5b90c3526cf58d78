package notices

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// zlibPool reuses compressors: setting one up costs more than compressing
// a page's content stream.
var zlibPool = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// flateStream returns a stream object holding content compressed with
// FlateDecode at zlib's fastest level (pdfcpu's own encoder uses the
// default level, which costs about three times as much for fonts); extra
// entries go into the stream dictionary.
func flateStream(content []byte, extra types.Dict) (*types.StreamDict, error) {
	var buf bytes.Buffer
	w := zlibPool.Get().(*zlib.Writer)
	defer zlibPool.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(content); err != nil {
		return nil, fmt.Errorf("notices: compressing stream: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("notices: compressing stream: %w", err)
	}
	d := types.NewDict()
	for k, v := range extra {
		d[k] = v
	}
	d.InsertName("Filter", filter.Flate)
	n := int64(buf.Len())
	d.Update("Length", types.Integer(n))
	return &types.StreamDict{
		Dict:           d,
		Raw:            buf.Bytes(),
		StreamLength:   &n,
		FilterPipeline: []types.PDFFilter{{Name: filter.Flate}},
	}, nil
}

// imageCache keeps the image XObjects pdfcpu built, by the SHA-256 of the
// image file: the emblem is the same on every letter, and decoding and
// recompressing it is a third of a letter's cost.
var imageCache sync.Map // [sha256.Size]byte -> cachedImage

// cachedImage is an image XObject and, for an image with transparency,
// its soft mask, which pdfcpu adds as a separate object.
type cachedImage struct {
	sd    types.StreamDict
	smask *types.StreamDict
	w, h  int
}

// imageStream returns the XObject stream of a PNG or JPEG for a document,
// built by pdfcpu once per process; its soft mask, if any, is added to
// xt and referred to.
func imageStream(xt *model.XRefTable, data []byte) (types.StreamDict, int, int, error) {
	key := sha256.Sum256(data)
	c, ok := imageCache.Load(key)
	if !ok {
		scratch, err := newPDFDoc("")
		if err != nil {
			return types.StreamDict{}, 0, 0, err
		}
		sd, w, h, err := model.CreateImageStreamDict(scratch.xt, bytes.NewReader(data))
		if err != nil {
			return types.StreamDict{}, 0, 0, err
		}
		ci := cachedImage{sd: *sd, w: w, h: h}
		if ref, ok := sd.Dict["SMask"].(types.IndirectRef); ok {
			mask, ok := scratch.xt.Table[ref.ObjectNumber.Value()].Object.(types.StreamDict)
			if !ok {
				return types.StreamDict{}, 0, 0, fmt.Errorf("soft mask is not a stream")
			}
			ci.smask = &mask
		}
		c, _ = imageCache.LoadOrStore(key, ci)
	}
	ci := c.(cachedImage)
	sd := ci.sd.Clone().(types.StreamDict)
	if ci.smask != nil {
		ref, err := xt.IndRefForNewObject(ci.smask.Clone())
		if err != nil {
			return types.StreamDict{}, 0, 0, err
		}
		sd.Dict["SMask"] = *ref
	}
	return sd, ci.w, ci.h, nil
}
