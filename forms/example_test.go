package forms_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"sandboxbot/forms"
)

// The command line's `sandboxbot forms parse FILE`: a file read on its own.
func ExampleParse() {
	data, err := os.ReadFile("testdata/filled-interest.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := forms.Parse(context.Background(), "filled-interest.pdf", data,
		forms.ParseOptions{Standalone: true})
	var problems forms.Problems
	switch {
	case errors.As(err, &problems):
		fmt.Print(problems.Text()) // exit 1
	case err != nil:
		fmt.Println(err) // refused: exit 1
	default:
		fmt.Println(rec.Kind, rec.Text("juristic_id"), rec.Enum("category"))
	}
	// Output: interest 0105556012341 e-document
}
