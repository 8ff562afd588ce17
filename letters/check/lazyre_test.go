package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestLazyPatternsCompile compiles every pattern given to lazyRegexp in the package's
// sources: compiled on first use, a bad one would panic only when a letter needs it.
func TestLazyPatternsCompile(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "lazyRegexp" || len(call.Args) != 1 {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				t.Errorf("%s: lazyRegexp of a non-literal", fset.Position(call.Pos()))
				return true
			}
			src, err := strconv.Unquote(lit.Value)
			if err == nil {
				_, err = regexp.Compile(src)
			}
			if err != nil {
				t.Errorf("%s: %v", fset.Position(call.Pos()), err)
			}
			n++
			return true
		})
	}
	if n < 80 {
		t.Errorf("%d patterns found, want the ~90 of the package", n)
	}
}
