package cases

import (
	"errors"
	"iter"
)

// aheadBatch is how many rows a read-ahead hands over at a time, and
// aheadBatches how many batches it may read before the consumer takes
// them: enough to keep both sides busy, little memory.
const (
	aheadBatch   = 256
	aheadBatches = 2
)

// errStop ends a backend's loop when an iterator's consumer stops early.
var errStop = errors.New("cases: iteration stopped")

// readAhead turns a backend loop into an iterator whose rows are read on a
// goroutine of their own, a few batches ahead of the consumer, so that
// reading the database and what the consumer does with each row (writing
// a sheet) overlap when there is a second core. The loop's error is
// yielded last. A consumer that stops early stops the loop at its next
// row; the loop's context is never cancelled for it, because cancelling
// a query interrupts every statement of its SQLite connection. The
// iterator returns only once the loop has ended, so the goroutine never
// outlives it or the read transaction.
func readAhead[T any](loop func(yield func(T) error) error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		batches := make(chan []T, aheadBatches)
		stop := make(chan struct{})
		done := make(chan error, 1)
		go func() {
			defer close(batches)
			batch := make([]T, 0, aheadBatch)
			send := func() error {
				select {
				case batches <- batch:
					batch = make([]T, 0, aheadBatch)
					return nil
				case <-stop:
					return errStop
				}
			}
			err := loop(func(x T) error {
				if batch = append(batch, x); len(batch) == aheadBatch {
					return send()
				}
				return nil
			})
			// The rows read before an error are the consumer's too.
			if len(batch) > 0 && !errors.Is(err, errStop) {
				if serr := send(); err == nil {
					err = serr
				}
			}
			done <- err
		}()
		defer func() {
			close(stop)
			for range batches { // let the loop end
			}
		}()
		for b := range batches {
			for _, x := range b {
				if !yield(x, nil) {
					return
				}
			}
		}
		if err := <-done; err != nil && !errors.Is(err, errStop) {
			var zero T
			yield(zero, err)
		}
	}
}
