package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"relance/assets/i18n"
)

// Command line conventions (GNU style): `--help`/`-h` on any command prints its usage
// and its options and exits 0; `--version`/`-V` prints the version; options are
// written with two dashes, their descriptions in the user's language.

// isHelpArg reports whether s asks for help.
func isHelpArg(s string) bool { return s == "-h" || s == "--help" || s == "-help" }

// isVersionArg reports whether s asks for the version.
func isVersionArg(s string) bool { return s == "--version" || s == "-V" || s == "-version" }

// lookupCommand returns the command named name (the first word of a flag set's name,
// "payment add" → payment), or nil.
func lookupCommand(name string) *Command {
	name, _, _ = strings.Cut(name, " ")
	all := commands()
	for i := range all {
		if all[i].Name == name {
			return &all[i]
		}
	}
	return nil
}

// printSynopsis writes the usage line of cmd and its one-line description.
func (env *Env) printSynopsis(w io.Writer, cmd *Command) {
	fmt.Fprintf(w, "%s: relance %s %s\n", i18n.T(env.Lang, "cli.usage"), cmd.Name, cmd.Args)
	fmt.Fprintf(w, "  %s\n", i18n.T(env.Lang, cmd.Summary))
}

// printHelp writes the help of the flag set fs: its command's synopsis, then each
// option GNU style (`--db FILE  description`), the description in the user's
// language where the catalogue has it, the flag's English text otherwise.
func (env *Env) printHelp(w io.Writer, fs *flag.FlagSet) {
	cmd := lookupCommand(fs.Name())
	if cmd != nil && !env.help.on {
		env.printSynopsis(w, cmd)
	}
	var lines [][2]string
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		head := "--" + f.Name
		if v := flagPlaceholder(cmd, f); v != "" {
			head += " " + v
		}
		if n := len([]rune(head)); n <= maxHeadWidth {
			width = max(width, n)
		}
		lines = append(lines, [2]string{head, env.flagDescription(fs.Name(), f)})
	})
	if len(lines) == 0 {
		return
	}
	if !env.help.on {
		fmt.Fprintf(w, "\n%s\n", i18n.T(env.Lang, "cli23.options"))
	}
	for _, l := range lines {
		if n := len([]rune(l[0])); n <= width {
			fmt.Fprintf(w, "  %s%s  %s\n", l[0], strings.Repeat(" ", width-n), l[1])
		} else {
			fmt.Fprintf(w, "  %s\n  %s  %s\n", l[0], strings.Repeat(" ", width), l[1])
		}
	}
}

// maxHeadWidth is the widest option head (`--db FILE`) the descriptions are aligned
// after; a longer one has its description on the next line.
const maxHeadWidth = 30

// placeholderIn finds the value placeholder of a flag in a synopsis: "--db FILE" → FILE.
var placeholderIn = regexp.MustCompile(`^[ =]("[^"]*"|[A-Za-z0-9][^\s)]*)`)

// flagPlaceholder is the value a flag takes as written in its command's synopsis
// (FILE, YYYY-MM-DD, ID…), VALUE or N when the synopsis does not show it, nothing
// for a boolean flag.
func flagPlaceholder(cmd *Command, f *flag.Flag) string {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return ""
	}
	if cmd != nil {
		syn := cmd.Args
		for i := strings.Index(syn, "--"+f.Name); i >= 0; {
			rest := syn[i+2+len(f.Name):]
			if m := placeholderIn.FindStringSubmatch(rest); m != nil {
				v := strings.TrimRight(m[1], "|.,")
				for strings.HasSuffix(v, "]") && strings.Count(v, "]") > strings.Count(v, "[") {
					v = strings.TrimSuffix(v, "]")
				}
				return strings.TrimRight(v, "|.,")
			}
			j := strings.Index(rest, "--"+f.Name)
			if j < 0 {
				break
			}
			i += 2 + len(f.Name) + j
		}
	}
	if _, kind := flag.UnquoteUsage(f); kind == "int" || kind == "uint" || kind == "float" {
		return "N"
	}
	return "VALUE"
}

// flagDescription is the description of flag f of the flag set named set in the user's
// language: the key cli23.flag.COMMAND.FLAG, then in French cli23.flag.FLAG (the
// options many commands share: --db, --at, --format…), then the flag's own English
// text. In English the flag's own text beats the shared key, being more precise.
func (env *Env) flagDescription(set string, f *flag.Flag) string {
	name, _, _ := strings.Cut(set, " ")
	if s, ok := flagKey(env.Lang, name, f.Name); ok {
		return s
	}
	_, usage := flag.UnquoteUsage(f)
	return usage
}

// flagKey looks up a flag's description in lang: the command's own key first, then
// the shared one.
func flagKey(lang, command, flagName string) (string, bool) {
	cat := i18n.Default()[i18n.Norm(lang)]
	keys := []string{"cli23.flag." + command + "." + flagName}
	if i18n.Norm(lang) != "en" {
		keys = append(keys, "cli23.flag."+flagName)
	}
	for _, k := range keys {
		if s, ok := cat[k]; ok {
			return s, true
		}
	}
	return "", false
}

// helpMode is set on the Env a command runs with while `relance CMD --help` collects
// its options: the synopsis is printed once, and each sub-verb's options under its name.
type helpMode struct {
	on   bool
	verb string
}

// commandHelp prints cmd's synopsis and the options of each of its sub-verbs (or its
// own), by running it with --help on a captured output; exit status 0.
func (env *Env) commandHelp(cmd *Command) int {
	env.printSynopsis(env.Stdout, cmd)
	var bodies []string
	group := map[string][]string{} // options listed → the verbs that take them
	for _, v := range commandVerbs(cmd) {
		var buf bytes.Buffer
		sub := &Env{Stdout: &buf, Stderr: io.Discard, Lang: env.Lang, Today: env.Today, help: helpMode{on: true, verb: v}}
		args := []string{"--help"}
		if v != "" {
			args = []string{v, "--help"}
		}
		if err := cmd.Run(sub, args); !errors.Is(err, flag.ErrHelp) || buf.Len() == 0 {
			continue
		}
		body := buf.String()
		if _, ok := group[body]; !ok {
			bodies = append(bodies, body)
		}
		if v != "" {
			group[body] = append(group[body], v)
		} else if group[body] == nil {
			group[body] = []string{}
		}
	}
	for _, body := range bodies {
		head := i18n.T(env.Lang, "cli23.options")
		if vs := group[body]; len(vs) > 0 {
			head = i18n.T(env.Lang, "cli23.options_verb", "verb", strings.Join(vs, " | "))
		}
		if _, err := fmt.Fprintf(env.Stdout, "\n%s\n%s", head, body); err != nil {
			return 1
		}
	}
	return 0
}

// commandVerbs reads the sub-verbs of a command from its synopsis ("add … | pay …",
// "done|reschedule …", "[show] … | set …"); "" stands for the command without a verb.
func commandVerbs(cmd *Command) []string {
	var verbs []string
	seen := map[string]bool{}
	for _, part := range strings.Split(cmd.Args, " | ") {
		fields := strings.Fields(part)
		if len(fields) == 0 {
			continue
		}
		tok := fields[0]
		optional := strings.HasPrefix(tok, "[") && strings.HasSuffix(tok, "]")
		tok = strings.Trim(tok, "[]")
		if tok == "" || !isVerbWord(tok) {
			continue
		}
		words := strings.Split(tok, "|")
		if optional && len(words) > 1 && !seen[""] {
			seen[""] = true
			verbs = append(verbs, "")
		}
		for _, w := range words {
			if !seen[w] {
				seen[w] = true
				verbs = append(verbs, w)
			}
		}
	}
	if len(verbs) == 0 {
		return []string{""}
	}
	return verbs
}

// isVerbWord reports whether tok is made of lowercase sub-verbs separated by "|".
func isVerbWord(tok string) bool {
	for _, r := range tok {
		if (r < 'a' || r > 'z') && r != '|' && r != '-' {
			return false
		}
	}
	return tok[0] != '-'
}
