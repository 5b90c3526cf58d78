package main

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"
)

func configCommand() *command {
	return &command{name: "config", summary: "The configuration file.",
		subs: []*command{{
			name:    "example",
			summary: "Prints a commented sample configuration with every key at its default.",
			run: func(ctx context.Context, e *env, args []string) error {
				return writeExample(e.stdout, defaultConfig())
			},
		}}}
}

// writeExample writes cfg as TOML, each key preceded by its help text and
// the environment variable that overrides it.
func writeExample(w io.Writer, cfg *Config) error {
	fmt.Fprintln(w, "# sandboxbot configuration. Every key is shown at its default.")
	fmt.Fprintln(w, "# Any scalar or list can be overridden by the environment variable named")
	fmt.Fprintln(w, "# beside it.")
	v, t := reflect.ValueOf(cfg).Elem(), reflect.TypeOf(cfg).Elem()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		key := f.Tag.Get("toml")
		fmt.Fprintf(w, "\n%s", comment(f.Tag.Get("help")))
		if isStructList(f.Type) {
			for j := 0; j < fv.Len(); j++ {
				fmt.Fprintf(w, "[[%s]]\n", key)
				writeFields(w, fv.Index(j), "")
			}
			continue
		}
		fmt.Fprintf(w, "[%s]\n", key)
		writeFields(w, fv, "SANDBOXBOT_"+strings.ToUpper(key))
	}
	return nil
}

func writeFields(w io.Writer, v reflect.Value, env string) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("toml")
		help := f.Tag.Get("help")
		if env != "" {
			help += " (" + env + "_" + strings.ToUpper(key) + ")"
		}
		val, _ := toml.Marshal(map[string]any{key: v.Field(i).Interface()})
		line := strings.TrimSpace(string(val))
		if line == "" {
			line = key + " = []"
		}
		fmt.Fprintf(w, "%s%s\n", comment(help), line)
	}
}

// comment wraps text as # lines of at most 78 columns.
func comment(text string) string {
	var b strings.Builder
	line := "#"
	for _, word := range strings.Fields(text) {
		if len(line)+1+len(word) > 78 {
			b.WriteString(line + "\n")
			line = "#"
		}
		line += " " + word
	}
	b.WriteString(line + "\n")
	return b.String()
}
