package index

// Part is one component of a snapshot's memory.
type Part struct {
	Name  string
	Bytes int64
}

// Footprint lists what the snapshot's columns take in memory, by
// component, largest first: the heap the index holds, and last the
// documents' text, which is mapped from the snapshot file when it was
// loaded from one (and then is not heap).
func (ix *Index) Footprint() []Part {
	search := ix.names.Footprint()
	parts := []Part{
		{"entity names", int64(ix.entityNames.bytes())},
		{"entity records", int64(ix.entityRecs.bytes() + len(ix.entityType) + 4*len(ix.kindStart) + 2*len(ix.kinds))},
		{"relation names", int64(ix.relationNames.bytes())},
		{"relation endpoints, predicates and ranks", int64(4*len(ix.ends) + 2*len(ix.pred) + 8*len(ix.hidden))},
		{"relation qualifiers", int64(4*len(ix.qual) + ix.quals.bytes())},
		{"evidence", int64(4 * (len(ix.evStart) + len(ix.evDoc) + len(ix.evFrom) + len(ix.evTo)))},
		{"adjacency", int64(ix.out.bytes() + ix.in.bytes() + ix.byPredicate.bytes() + ix.roleRels.bytes())},
		{"documents", int64(ix.documentNames.bytes() + ix.documentRecs.bytes() + 8*len(ix.docText) + 8*len(ix.charMarks))},
	}
	for _, p := range search {
		parts = append(parts, Part{"name search: " + p.Name, p.Bytes})
	}
	where := "heap"
	if _, mapped := ix.text.(*mappedText); mapped {
		where = "mapped"
	}
	return append(parts, Part{"document text (" + where + ")", int64(ix.text.len())})
}
