package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// command is one node of the command tree: a group of subcommands, or a
// command that runs.
type command struct {
	name    string
	args    string // the positional arguments, for the usage line; none if empty
	summary string
	// flags registers the command's own flags; the global ones are added
	// to every command.
	flags func(fs *flag.FlagSet)
	run   func(ctx context.Context, e *env, args []string) error
	subs  []*command
}

// env is what every command gets: the global options and the output.
type env struct {
	global globals
	stdout io.Writer
	stderr io.Writer
}

// usageError is a mistake in how the command was called; it prints the
// command's usage and exits 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError ends the program with a code, having said what it needs to.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// run parses args against the command tree, runs the command chosen and
// returns the process's exit code: 0 done, 1 failed, 2 misused.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	root := rootCommand()
	cmd, rest, path, err := find(root, args)
	if err == nil {
		var fs *flag.FlagSet
		fs, rest, err = parseFlags(cmd, path, rest, &e.global, stderr)
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if err == nil && cmd.run == nil {
			printUsage(stdout, cmd, path, fs)
			return 0
		}
		if err == nil {
			err = e.global.check()
		}
		if err == nil && cmd.args == "" && len(rest) > 0 {
			err = usageError{fmt.Sprintf("unexpected argument %q", rest[0])}
		}
		if err == nil {
			err = cmd.run(ctx, e, rest)
		}
		if u, ok := err.(usageError); ok {
			fmt.Fprintf(stderr, "sandboxbot: %s\n\n", u.msg)
			printUsage(stderr, cmd, path, fs)
			return 2
		}
	}
	var x exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &x):
		if x.msg != "" {
			fmt.Fprintln(stderr, x.msg)
		}
		return x.code
	case errors.As(err, new(usageError)):
		fmt.Fprintf(stderr, "sandboxbot: %s\nRun 'sandboxbot --help' for the commands.\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "sandboxbot: %s\n", err)
	return 1
}

// find walks args down the tree as far as they name subcommands, stepping
// over the global flags that may come first (sandboxbot --data DIR cases
// list). It returns the command, the arguments left and the path to it.
func find(root *command, args []string) (*command, []string, []string, error) {
	cmd, path := root, []string{root.name}
	var flags []string
	for len(args) > 0 && len(cmd.subs) > 0 {
		if strings.HasPrefix(args[0], "-") {
			n := 1
			if globalTakesValue(args[0]) && len(args) > 1 {
				n = 2
			}
			flags, args = append(flags, args[:n]...), args[n:]
			continue
		}
		next := sub(cmd, args[0])
		if next == nil {
			return nil, nil, nil, usageError{fmt.Sprintf("%q is not a command of %s (%s)",
				args[0], strings.Join(path, " "), subNames(cmd))}
		}
		cmd, path, args = next, append(path, next.name), args[1:]
	}
	return cmd, append(flags, args...), path, nil
}

// globalTakesValue reports whether arg is a global flag whose value is the
// next argument.
func globalTakesValue(arg string) bool {
	if strings.Contains(arg, "=") {
		return false
	}
	switch strings.TrimLeft(arg, "-") {
	case "data", "now", "config":
		return true
	}
	return false
}

func sub(c *command, name string) *command {
	for _, s := range c.subs {
		if s.name == name {
			return s
		}
	}
	return nil
}

func subNames(c *command) string {
	var names []string
	for _, s := range c.subs {
		names = append(names, s.name)
	}
	return strings.Join(names, ", ")
}

// parseFlags parses the command's flags and the global ones, which may
// stand before, between or after the positional arguments.
func parseFlags(c *command, path, args []string, g *globals, stderr io.Writer) (
	*flag.FlagSet, []string, error) {
	fs := flag.NewFlagSet(strings.Join(path, " "), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	g.register(fs)
	if c.flags != nil {
		c.flags(fs)
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(stderr, c, path, fs)
				return fs, nil, err
			}
			return fs, nil, usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			return fs, positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func printUsage(w io.Writer, c *command, path []string, fs *flag.FlagSet) {
	line := strings.Join(path, " ")
	if len(c.subs) > 0 {
		line += " COMMAND"
	}
	if c.args != "" {
		line += " " + c.args
	}
	fmt.Fprintf(w, "usage: %s [flags]\n\n%s", line, wrap(c.summary, 78, ""))
	if len(c.subs) > 0 {
		fmt.Fprintf(w, "\ncommands:\n")
		for _, s := range c.subs {
			fmt.Fprintf(w, "  %-12s %s\n", s.name, firstSentence(s.summary))
		}
	}
	if fs == nil {
		return
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	fmt.Fprintf(w, "\nflags:\n")
	for _, n := range names {
		f := fs.Lookup(n)
		arg, usage := flag.UnquoteUsage(f)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  --%s %s\n%s", n, arg, wrap(usage, 78, "      "))
	}
}

// wrap breaks text into lines of at most width columns, each starting with
// indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if line != indent && len([]rune(line))+1+len([]rune(word)) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
