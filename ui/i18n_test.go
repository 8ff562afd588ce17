package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"relance/assets/i18n"
	"relance/ledger/importer/tabular"
)

// TestUIKeysInBothLanguages fails when a "ui.*" key is missing in French or English,
// or is empty in one of them.
func TestUIKeysInBothLanguages(t *testing.T) {
	c := i18n.Default()
	for _, lang := range i18n.Languages {
		for _, k := range c.Keys(lang) {
			if !strings.HasPrefix(k, "ui.") {
				continue
			}
			for _, other := range i18n.Languages {
				if v, ok := c[other][k]; !ok || strings.TrimSpace(v) == "" {
					t.Errorf("key %q has no %s text", k, other)
				}
			}
		}
	}
}

// TestUIKeysUsedExist fails when the code asks for a "ui.*" key that the catalogue does
// not have (a typo would show the key itself on screen). Keys built by concatenation
// ("ui.kind." + kind) are checked for every value they can take.
func TestUIKeysUsedExist(t *testing.T) {
	c := i18n.Default()
	dynamic := map[string][]string{
		"ui.kind.":            {"business", "consumer", "public"},
		"ui.itemkind.":        {"invoice", "credit_note", "payment", "opening", "adjustment", "unpaid_cheque", "rejected_debit"},
		"ui.cstatus.":         {"normal", "agency", "dispute", "legal", "insolvency", "written_off"},
		"ui.ready.company.":   {"address", "siren", "iban"},
		"ui.ready.signatory.": {"name", "phone", "email"},
		"ui.menu.theme.":      {themeSystem, themeLight, themeDark},
		"ui.legal2.cheaper.":  {"credit", "discount", "equal"},
	}
	for m := 1; m <= 12; m++ {
		dynamic["ui.month."] = append(dynamic["ui.month."], strconv.Itoa(m))
	}
	for _, f := range tabular.Fields {
		dynamic["ui.import.field."] = append(dynamic["ui.import.field."], string(f))
	}
	re := regexp.MustCompile(`"(ui\.[a-z0-9_.]+)"`)
	pluralRe := regexp.MustCompile(`\.plural\("(ui\.[a-z0-9_.]+)"`)
	for _, f := range sourceFiles(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		plurals := map[string]bool{} // the bases of a.plural: both forms are in the catalogue
		for _, m := range pluralRe.FindAllStringSubmatch(string(src), -1) {
			plurals[m[1]] = true
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			keys := []string{m[1]}
			if plurals[m[1]] {
				keys = []string{m[1] + ".one", m[1] + ".other"}
			}
			if strings.HasSuffix(m[1], ".") {
				vals, ok := dynamic[m[1]]
				if !ok {
					t.Errorf("%s: dynamic key prefix %q not known to the test", f, m[1])
				}
				keys = keys[:0]
				for _, v := range vals {
					keys = append(keys, m[1]+v)
				}
			}
			for _, k := range keys {
				for _, lang := range i18n.Languages {
					if _, ok := c[lang][k]; !ok {
						t.Errorf("%s: key %q missing in %s", f, k, lang)
					}
				}
			}
		}
	}
}

// textArgs lists, for each widget or dialog constructor and setter, which arguments
// are user-visible text.
var textArgs = map[string][]int{
	"NewLabel": {0}, "NewLabelWithStyle": {0}, "NewButton": {0}, "NewButtonWithIcon": {0},
	"NewCheck": {0}, "NewCard": {0, 1}, "NewHyperlink": {0}, "NewFormItem": {0},
	"NewMenu": {0}, "NewMenuItem": {0}, "NewRichTextWithText": {0}, "NewAccordionItem": {0},
	"NewTabItem": {0}, "NewTabItemWithIcon": {0}, "NewInformation": {0, 1}, "ShowInformation": {0, 1},
	"NewConfirm": {0, 1}, "ShowConfirm": {0, 1}, "NewCustom": {0, 1}, "NewForm": {0, 1, 2},
	"NewCustomConfirm": {0, 1, 2}, "NewEntryDialog": {0, 1}, "NewProgressInfinite": {0, 1},
	"SetText": {0}, "SetPlaceHolder": {0}, "SetTitle": {0}, "SetConfirmText": {0}, "SetDismissText": {0},
}

// TestNoLiteralUIText fails when ui/*.go passes a string literal with letters to a
// widget, menu or dialog constructor: every word on screen must come from i18n.T.
// Literals without letters ("", " — ", "▲") are allowed, and so is the window title
// "Relance", the product's name.
func TestNoLiteralUIText(t *testing.T) {
	allowed := map[string]bool{"Relance": true}
	fset := token.NewFileSet()
	for _, f := range sourceFiles(t) {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			for _, i := range textArgs[name] {
				if i >= len(call.Args) {
					continue
				}
				for _, lit := range literals(call.Args[i]) {
					s, _ := strconv.Unquote(lit.Value)
					if hasLetter(s) && !allowed[s] {
						t.Errorf("%s: %s(%s): literal text on screen, use a \"ui.*\" key", fset.Position(lit.Pos()), name, lit.Value)
					}
				}
			}
			return true
		})
	}
}

// literals returns the string literals that make up e directly or by concatenation
// ("Total: " + x); literals passed to a call (a.t("ui.key")) are not text on screen.
func literals(e ast.Expr) []*ast.BasicLit {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			return []*ast.BasicLit{x}
		}
	case *ast.BinaryExpr:
		return append(literals(x.X), literals(x.Y)...)
	case *ast.ParenExpr:
		return literals(x.X)
	}
	return nil
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// sourceFiles are the package's non-test Go files.
func sourceFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatal("no source files")
	}
	return out
}
