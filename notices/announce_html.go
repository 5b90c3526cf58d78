package notices

import (
	"bufio"
	"html/template"
	"io"
	"strconv"
)

// announceHTML is the announcement as a plain, accessible page: one table
// with a caption and column headers, in Thai with the English beside it
// (marked lang="en"), no script and no outside resource. html/template
// escapes every value.
var announceHTML = template.Must(template.New("announcement").Parse(`<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title.TH}} / {{.Title.EN}}</title>
<style>
body { font-family: "Sarabun", "TH Sarabun New", sans-serif; margin: 2em;
	line-height: 1.5; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; margin-bottom: 0.5em; }
th, td { border: 1px solid #777; padding: 0.3em 0.6em; text-align: left;
	vertical-align: top; }
th { background: #eef3f8; }
td.number { text-align: right; }
.en { color: #444; }
</style>
</head>
<body>
<h1>{{.Title.TH}}<br><span lang="en" class="en">{{.Title.EN}}</span></h1>
<p>{{.Agency.TH}} · {{.Sandbox.TH}}<br>
<span lang="en" class="en">{{.Agency.EN}} · {{.Sandbox.EN}}</span></p>
<p>{{.AsOf.TH}} {{.DateTH}} <span lang="en" class="en">/ {{.AsOf.EN}} {{.DateEN}}</span></p>
{{if .Rows -}}
<table>
<caption>{{.Title.TH}} <span lang="en" class="en">/ {{.Title.EN}}</span></caption>
<thead>
<tr>{{range .Columns}}
<th scope="col">{{.TH}}<br><span lang="en" class="en">{{.EN}}</span></th>{{end}}
</tr>
</thead>
<tbody>
{{range .Rows -}}
<tr>
<td class="number">{{.Number}}</td>
<td>{{.Org}}{{with .OrgEN}}<br><span lang="en" class="en">{{.}}</span>{{end}}</td>
<td>{{.Solution}}</td>
<td>{{if .ISO}}<time datetime="{{.ISO}}">{{.DateTH}}</time><br>
<span lang="en" class="en">{{.DateEN}}</span>{{end}}</td>
<td>{{.Status.TH}}<br><span lang="en" class="en">{{.Status.EN}}</span></td>
</tr>
{{end -}}
</tbody>
</table>
{{- else -}}
<p>{{.None.TH}} <span lang="en" class="en">/ {{.None.EN}}</span></p>
{{- end}}
</body>
</html>
`))

// htmlLabel is a label as the page's template reads it.
type htmlLabel struct{ TH, EN string }

func htmlOf(l label) htmlLabel { return htmlLabel{l.th, l.en} }

type htmlRow struct {
	Number               string
	Org, OrgEN, Solution string
	ISO, DateTH, DateEN  string
	Status               htmlLabel
}

func (a announcement) writeHTML(w io.Writer) error {
	data := struct {
		Title, Sandbox, AsOf, None, Agency htmlLabel
		DateTH, DateEN                     string
		Columns                            []htmlLabel
		Rows                               []htmlRow
	}{Title: htmlOf(announceTitle), Sandbox: htmlOf(announceSandbox), AsOf: htmlOf(announceAsOf),
		None:   htmlOf(announceNone),
		Agency: htmlLabel{a.opt.Agency.NameTH, a.opt.Agency.NameEN},
		DateTH: FormatDate(a.at, Thai, false), DateEN: FormatDate(a.at, English, false)}
	for _, c := range announcementColumns {
		data.Columns = append(data.Columns, htmlOf(c.title))
	}
	for i, p := range a.rows {
		r := htmlRow{Number: strconv.Itoa(i + 1), Org: p.org, OrgEN: p.orgEN,
			Solution: p.solution, Status: htmlOf(p.status)}
		if !p.approved.IsZero() {
			d := p.approved.In(a.at.Location())
			r.ISO, r.DateTH, r.DateEN = d.Format("2006-01-02"), FormatDate(d, Thai, false),
				FormatDate(d, English, false)
		}
		data.Rows = append(data.Rows, r)
	}
	bw := bufio.NewWriter(w)
	if err := announceHTML.Execute(bw, data); err != nil {
		return errorf("writing the announcement: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return errorf("writing the announcement: %w", err)
	}
	return nil
}
