package tabular

// FieldSet is what one kind of file holds: its fields, in display order, and the
// header texts recognised for each (squashed, see Squash; most specific first). The
// open-item exports have OpenItems; other kinds of file (the customer master file,
// ledger/importer/custfile) declare theirs and resolve a Mapping with ResolveIn.
type FieldSet struct {
	Fields   []Field
	Synonyms map[Field][]string
}

// NoColumn, as the column of a field in Mapping.Columns, says that the file does not
// hold that field: no column is taken for it, not even by header synonyms.
const NoColumn = "-"

// OpenItems returns the field set of open-item and aged-balance exports.
func OpenItems() FieldSet { return FieldSet{Fields: Fields, Synonyms: synonyms} }

// Has reports whether f is one of the set's fields.
func (fs FieldSet) Has(f Field) bool {
	for _, x := range fs.Fields {
		if x == f {
			return true
		}
	}
	return false
}
