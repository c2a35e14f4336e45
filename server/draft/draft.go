// Package draft proposes the graph file of a new document: the document
// record, the known entities it mentions, candidate new entities with a
// type and kind guessed from the vocabulary's nouns, and candidate
// relations wherever a phrase of the vocabulary's lexicon links two
// mentions in one sentence, each with the sentence as its verbatim quote,
// the qualifiers the sentence gives (time, place, role, status, amounts)
// and a confidence. Every record it writes carries a Draft mark, which the
// loader refuses: nothing drafted is served until a person confirms it.
// entitygraph-snapshot draft runs it.
//
// It reads the index, the linker and the vocabulary; it must not import
// gRPC or the query engines.
package draft

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/coverage"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/linking"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// Options shape a draft.
type Options struct {
	// SourceFile is the document's path inside the data directory, as its
	// record's source_file gives it.
	SourceFile string
	// MinConfidence leaves out the relations less sure than this.
	MinConfidence float64
}

// Draft is the proposed graph file of one document.
type Draft struct {
	Document *pb.Document
	// Known are the entities of the graph the document mentions, each once,
	// in the order of their first mention; the file refers to them.
	Known []KnownMention
	// Entities are the candidate new entities.
	Entities []*pb.Entity
	// Relations are the candidate relations, in text order.
	Relations []*pb.Relation
	// Unread are the names the drafter found and left out, with why:
	// ambiguous names, names of no guessable type.
	Unread []string
}

// KnownMention is a known entity the document mentions.
type KnownMention struct {
	Name     string // resource name
	Display  string
	Mentions int
}

// Confidence of the drafted records.
const (
	relationConfidence = 0.9  // a phrase right between its subject and object
	newEntityBase      = 0.6  // a name the graph does not know, with a guessed type
	titleConfidence    = 0.85 // "Kittiwake chief executive Marisol Okafor"
)

// Make drafts the graph file of text, a document the graph ix does not
// hold yet.
func Make(ix *index.Index, text string, opts Options) *Draft {
	v := ix.Vocabulary()
	d := &drafter{ix: ix, v: v, text: text, opts: opts, taken: map[string]bool{}, newByKey: map[string]int{}, named: map[int]bool{},
		locatedIn: phrasePredicate(v, false, "located", "in"), owner: phrasePredicate(v, true, "owner", "of"), worksAt: phrasePredicate(v, false, "work", "at"),
		partOf: phrasePredicate(v, true, "part", "of")}
	for _, p := range v.Predicates() {
		if p.ObjectModifier {
			d.modifiers = append(d.modifiers, p)
		}
	}
	d.document()
	d.mentions()
	d.relations()
	d.kindsFromRelations()
	d.dropUnusedAdjectives()
	for _, p := range d.pending {
		if p.entity < 0 {
			d.out.Unread = append(d.out.Unread, fmt.Sprintf("%q looks like a name, of no type its words or a relation give", p.display))
		}
	}
	slices.Sort(d.out.Unread)
	d.out.Unread = slices.Compact(d.out.Unread)
	return &d.out
}

type drafter struct {
	ix   *index.Index
	v    *vocab.Vocabulary
	text string
	opts Options
	out  Draft
	// ownPreps are, by predicate, the prepositions that lead to its
	// object (see ownPrepositions).
	ownPreps map[vocab.ID]map[string]bool
	// workAt is the predicate of the lexicon's "work at", once workAtRead
	// (see workAtPredicate).
	workAt     *vocab.Predicate
	workAtRead bool

	taken    map[string]bool // resource names this draft uses
	ments    []mention
	newByKey map[string]int // lowercase name → index in out.Entities
	newKinds [][]vocab.KindID
	named    map[int]bool // the new entities the text names, not only by an adjective ("Canadian")
	pending  []pendingName
	dateline time.Time // the day the article is dated, or zero
	// datelineEnd is where the dateline ends (see datelineEnd): the place
	// it names is no antecedent of "it" or "its".
	datelineEnd int
	byHead      map[string][]vocab.Phrase
	titles      []titlePhrase
	nouns       map[string][]vocab.Phrase
	// What the vocabulary reads "located in", "owner of" and "work at" as
	// (or nil), and its predicates a name before another states
	// (object_modifier).
	locatedIn, owner, worksAt *vocab.Predicate
	// partOf is the predicate the lexicon reads "part of" as, a
	// relational noun: "SK hynix, the SK Group chipmaker".
	partOf    *vocab.Predicate
	modifiers []*vocab.Predicate
	// nounPhrases are what the predicates' lexicons say of the noun
	// phrases that name their relations (see nounPhraseOf).
	nounPhrases map[vocab.ID]nounPhrase
}

// mention is a name of the text read as an entity, known or new.
type mention struct {
	start, end int
	entity     string // resource name
	typ        string
	kinds      []vocab.KindID
	// demonym: the text is the entity's demonym ("Korean"), which
	// modifies a noun ("Korean firms") rather than naming the entity.
	demonym bool
	// pending is, for a new name of no type yet, 1 + its index in
	// drafter.pending; its type comes from the first relation it is read
	// in ("named Lucas Ferreira as chief executive": a person).
	pending int
}

// pendingName is a name the graph does not know whose type neither its
// words nor its context give.
type pendingName struct {
	display string
	aliases []string
	entity  int // index into out.Entities once typed, or -1
}

// document writes the document record: its name from the file name, its
// title from the first line.
func (d *drafter) document() {
	base := strings.TrimSuffix(path.Base(d.opts.SourceFile), path.Ext(d.opts.SourceFile))
	// A leading number orders the files of a directory ("03-..."); it
	// names nothing.
	base = strings.TrimLeft(base, "0123456789_-")
	name := d.unique(resource.Documents, slug(base))
	title, _, _ := strings.Cut(strings.TrimSpace(d.text), "\n")
	d.out.Document = &pb.Document{
		Name:       name,
		Title:      strings.TrimSpace(title),
		SourceFile: d.opts.SourceFile,
		Draft:      &pb.Draft{Confidence: 1, Reason: "the name from the file name, the title from the first line"},
	}
	d.datelineEnd = datelineEnd(d.text)
}

// maxDateline is the most bytes a dateline runs to.
const maxDateline = 120

// datelineEnd returns the byte offset where the dateline of the text's
// first paragraph after the headline ends ("PROVIDENCE, Rhode Island,
// December 9, 2025 -- "): after the dash that follows a short run of
// capitalized words and numbers; 0 when there is none.
func datelineEnd(text string) int {
	_, body, ok := strings.Cut(strings.TrimLeft(text, " \n"), "\n")
	if !ok {
		return 0
	}
	start := len(text) - len(strings.TrimLeft(body, " \n"))
	line := text[start:min(len(text), start+maxDateline)]
	for _, dash := range []string{" -- ", " — ", " – "} {
		before, _, found := strings.Cut(line, dash)
		if !found {
			continue
		}
		for _, w := range strings.Fields(before) {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return 0
			}
		}
		return start + len(before) + len(dash)
	}
	return 0
}

// mentions links the text's names and turns the unknown ones of a
// guessable type into candidate entities.
func (d *drafter) mentions() {
	known := map[string]int{}
	for _, m := range linking.Link(d.ix, d.text, linking.Options{}) {
		span := d.text[m.Start:m.End]
		switch m.Status {
		case linking.Linked:
			n := m.Candidates[0].Node
			name := d.ix.NodeName(n)
			d.ments = append(d.ments, mention{start: m.Start, end: m.End, entity: name, typ: d.ix.EntityType(n), kinds: d.ix.Kinds(n),
				demonym: m.Candidates[0].Matched.Alias == pb.AliasKind_ALIAS_KIND_DEMONYM})
			if i, ok := known[name]; ok {
				d.out.Known[i].Mentions++
			} else {
				known[name] = len(d.out.Known)
				d.out.Known = append(d.out.Known, KnownMention{Name: name, Display: d.ix.DisplayName(n), Mentions: 1})
			}
		case linking.Ambiguous:
			var names []string
			for _, c := range m.Candidates {
				names = append(names, d.ix.NodeName(c.Node))
			}
			d.out.Unread = append(d.out.Unread, fmt.Sprintf("%q is ambiguous: %s", span, strings.Join(names, ", ")))
		case linking.Unknown:
			if i, ok := d.newEntity(m, span); ok {
				e := d.out.Entities[i]
				d.ments = append(d.ments, mention{start: m.Start, end: m.End, entity: e.GetName(), typ: resource.EntityType(e.GetName()), kinds: d.newKinds[i],
					demonym: adjective(m, span)})
			} else {
				d.ments = append(d.ments, mention{start: m.Start, end: m.End, pending: d.pendingFor(span) + 1})
			}
		}
	}
}

// pendingFor returns the pending name span is: a name seen before, or a
// word of a longer one ("Ferreira" after "Lucas Ferreira"); or adds it.
func (d *drafter) pendingFor(span string) int {
	for i, p := range d.pending {
		if strings.EqualFold(p.display, span) || slices.Contains(p.aliases, span) {
			return i
		}
	}
	for i, p := range d.pending {
		if endWord(p.display, span, true, true) {
			d.pending[i].aliases = append(d.pending[i].aliases, span)
			return i
		}
	}
	d.pending = append(d.pending, pendingName{display: span, entity: -1})
	return len(d.pending) - 1
}

// endWord reports whether span is one word of the longer name display:
// its first word (when first is set) or its last (when last is set).
func endWord(display, span string, first, last bool) bool {
	words := strings.Fields(display)
	return len(words) > 1 && !strings.Contains(span, " ") && (first && words[0] == span || last && words[len(words)-1] == span)
}

// settle gives a pending name of a candidate's subject or object the type
// the predicate demands of it, and reports whether the candidate stands:
// not when the type is unclear (the predicate allows several) or the name
// already has another.
func (d *drafter) settle(m *mention, types []string) bool {
	if m.pending == 0 {
		return true
	}
	p := &d.pending[m.pending-1]
	if p.entity < 0 {
		// The one entity type the predicate allows there, counting a kind's
		// type: "located in" a place or a state (an organization) is no
		// type.
		typ := ""
		for _, t := range types {
			if k, ok := d.v.LookupKind(t); ok && strings.HasPrefix(t, vocab.KindPrefix) {
				t = k.EntityType
			}
			if _, ok := resource.CollectionOf(t); ok && t != "topic" {
				if typ != "" && typ != t {
					return false
				}
				typ = t
			}
		}
		if typ == "" {
			return false
		}
		coll, _ := resource.CollectionOf(typ)
		e := &pb.Entity{
			Name:        d.unique(coll, slug(p.display)),
			DisplayName: p.display,
			Draft:       &pb.Draft{Confidence: newEntityBase - 0.1, Reason: "a name the graph does not know; its type, " + typ + ", from its place in a drafted relation"},
		}
		for _, a := range p.aliases {
			e.Aliases = append(e.Aliases, &pb.Alias{Text: a, Language: "en", Kind: pb.AliasKind_ALIAS_KIND_ABBREVIATION})
		}
		p.entity = len(d.out.Entities)
		d.named[p.entity] = true
		d.out.Entities = append(d.out.Entities, e)
		d.newKinds = append(d.newKinds, nil)
		// Every mention of the name is now of the entity.
		for k := range d.ments {
			if d.ments[k].pending == m.pending {
				d.ments[k].entity, d.ments[k].typ = e.GetName(), typ
			}
		}
	}
	e := d.out.Entities[p.entity]
	m.entity, m.typ = e.GetName(), resource.EntityType(e.GetName())
	return d.fits(*m, types)
}

// kindsFromRelations gives a new entity of no kind the one kind of its
// type that the drafted relations it is an end of demand there ("a stake
// in Petrel Ridge": a wind farm).
func (d *drafter) kindsFromRelations() {
	for i, e := range d.out.Entities {
		if len(e.GetKinds()) > 0 || e.GetDraft() == nil {
			continue
		}
		typ := resource.EntityType(e.GetName())
		var kind *vocab.Kind
		ambiguous := false
		for _, r := range d.out.Relations {
			p, ok := d.v.Lookup(r.GetPredicate())
			if !ok {
				continue
			}
			var types []string
			switch e.GetName() {
			case r.GetSubject():
				types = p.SubjectTypes
			case r.GetObject():
				types = p.ObjectTypes
			default:
				continue
			}
			if slices.Contains(types, typ) {
				continue // the type itself will do
			}
			for _, t := range types {
				if k, ok := d.v.LookupKind(t); ok && k.EntityType == typ {
					if kind != nil && kind.ID != k.ID {
						ambiguous = true
					}
					kind = k
				}
			}
		}
		if kind == nil || ambiguous {
			continue
		}
		e.Kinds = []string{kind.Name}
		d.newKinds[i] = []vocab.KindID{kind.ID}
		e.Draft.Reason += fmt.Sprintf("; its kind, %s, from its place in a drafted relation", kind.Name)
	}
}

// newEntity returns the candidate entity an unknown name names, adding
// it on its first mention. A single word after a longer name of the same
// entity is that entity (a person's surname, a company's first word).
func (d *drafter) newEntity(m linking.Mention, span string) (i int, ok bool) {
	defer func() {
		if ok && !adjective(m, span) {
			d.named[i] = true
		}
	}()
	key := strings.ToLower(span)
	if i, ok := d.newByKey[key]; ok {
		return i, true
	}
	for i, e := range d.out.Entities {
		// A person's surname, an organization's first word.
		person := resource.EntityType(e.GetName()) == "person"
		if endWord(e.GetDisplayName(), span, !person, person) {
			e.Aliases = append(e.Aliases, &pb.Alias{Text: span, Language: "en", Kind: pb.AliasKind_ALIAS_KIND_ABBREVIATION})
			d.newByKey[key] = i
			return i, true
		}
	}
	coll, ok := resource.CollectionOf(m.GuessedType)
	if !ok {
		return 0, false // pending, until a relation gives its type
	}
	display := span
	var aliases []string
	aliasKind := pb.AliasKind_ALIAS_KIND_ABBREVIATION
	switch {
	case adjective(m, span):
		// "Canadian": the entity is Canada, and the word its demonym.
		display, aliases, aliasKind = m.GuessedName, []string{span}, pb.AliasKind_ALIAS_KIND_DEMONYM
		if i, ok := d.newByKey[strings.ToLower(display)]; ok {
			e := d.out.Entities[i]
			e.Aliases = append(e.Aliases, &pb.Alias{Text: span, Language: "en", Kind: aliasKind})
			d.newByKey[key] = i
			return i, true
		}
	case m.GuessedName != "":
		display = m.GuessedName // "Providence" for a dateline's "PROVIDENCE"
	}
	// "Calder said" after a "Ruth Calder" of no type: the surname gives
	// the full name its type.
	for _, p := range d.pending {
		if m.GuessedName == "" && p.entity < 0 && endWord(p.display, span, true, true) {
			display, aliases = p.display, append(slices.Clone(p.aliases), span)
			break
		}
	}
	e := &pb.Entity{
		Name:        d.unique(coll, slug(display)),
		DisplayName: display,
		Draft:       &pb.Draft{Confidence: round(newEntityBase + m.Confidence/4), Reason: "a name the graph does not know; " + m.GuessReason},
	}
	for _, a := range slices.Compact(aliases) {
		e.Aliases = append(e.Aliases, &pb.Alias{Text: a, Language: "en", Kind: aliasKind})
	}
	var kinds []vocab.KindID
	if k, ok := d.v.LookupKind(m.GuessedKind); ok {
		e.Kinds = []string{k.Name}
		kinds = []vocab.KindID{k.ID}
	}
	d.newByKey[key] = len(d.out.Entities)
	d.newByKey[strings.ToLower(display)] = len(d.out.Entities)
	d.out.Entities = append(d.out.Entities, e)
	d.newKinds = append(d.newKinds, kinds)
	i = len(d.out.Entities) - 1
	// The name may have come before, where nothing gave its type (a
	// headline): those mentions are of this entity.
	for p := range d.pending {
		if d.pending[p].entity < 0 && strings.EqualFold(d.pending[p].display, display) {
			d.pending[p].entity = i
			for k := range d.ments {
				if d.ments[k].pending == p+1 {
					d.ments[k].entity, d.ments[k].typ, d.ments[k].kinds = e.GetName(), m.GuessedType, kinds
				}
			}
		}
	}
	return i, true
}

// dropUnusedAdjectives leaves out the new entities the text gives only
// by an adjective ("the American arm": the United States) that no drafted
// relation has: the adjective describes, and a curator need not confirm a
// country the article never names.
func (d *drafter) dropUnusedAdjectives() {
	used := map[string]bool{}
	for _, r := range d.out.Relations {
		used[r.GetSubject()], used[r.GetObject()] = true, true
	}
	kept := d.out.Entities[:0]
	for i, e := range d.out.Entities {
		if d.named[i] || used[e.GetName()] {
			kept = append(kept, e)
			continue
		}
		d.out.Unread = append(d.out.Unread, fmt.Sprintf("%q is the adjective of %s, which no drafted relation has", e.GetAliases()[0].GetText(), e.GetDisplayName()))
	}
	d.out.Entities = kept
}

// adjective reports whether the unknown mention m, span in the text, is
// the adjective of the entity it refers to ("Canadian" of Canada).
func adjective(m linking.Mention, span string) bool {
	return m.GuessedName != "" && !strings.EqualFold(m.GuessedName, span)
}

// unique returns collection/id, or with a number after the id when the
// graph or this draft has the name already.
func (d *drafter) unique(coll resource.Collection, id string) string {
	if id == "" {
		id = "unnamed"
	}
	base := string(coll) + "/" + id
	name := base
	for i := 2; ; i++ {
		_, inGraph := d.ix.NodeOf(name)
		if coll == resource.Documents {
			_, err := d.ix.Document(name, false)
			inGraph = err == nil
		}
		if !inGraph && !d.taken[name] {
			d.taken[name] = true
			return name
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

// maxID is the longest id a resource name may have.
const maxID = 63

// slug turns a name into an id: lowercase letters and digits, words
// joined by hyphens, accents dropped where the letter has an ASCII base.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue // the accent of a decomposed letter
		}
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == '.':
			// "Moody's" is "moodys", "U.S." is "us".
		default:
			dash = true
		}
	}
	id := b.String()
	for len(id) > maxID {
		cut := strings.LastIndexByte(id[:maxID], '-')
		if cut <= 0 {
			cut = maxID
		}
		id = id[:cut]
	}
	if id != "" && !unicode.IsLetter(rune(id[0])) {
		id = "x-" + id
	}
	return id
}

func round(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// relations drafts the relations of each sentence: where a lexicon
// phrase links two of its names, and where a title, a possessive, a
// modifying name or an event noun does (see the readings in
// relations.go). A fact drafted again is more evidence for one relation.
func (d *drafter) relations() {
	d.dateline = datelineDate(d.text)
	seen := map[string]int{} // subject, predicate and object → index in out.Relations
	for _, s := range coverage.Sentences(d.text) {
		if strings.Count(d.text, s.Text) != 1 {
			continue // a quote must be unique in its document
		}
		if s.Text == d.out.Document.GetTitle() {
			continue // the headline: the body states its facts
		}
		toks := d.tokens(s)
		var found []candidate
		found = append(found, d.phraseRelations(toks)...)
		found = append(found, d.titleRelations(toks)...)
		found = append(found, d.modifierRelations(toks)...)
		found = append(found, d.eventNounRelations(toks)...)
		found = append(found, d.possessiveEventRelations(toks)...)
		found = append(found, d.pairEventRelations(toks)...)
		found = append(found, d.heldEventRelations(toks)...)
		found = append(found, d.possessiveRelations(toks)...)
		found = append(found, d.compoundNounRelations(toks)...)
		found = append(found, d.ofNounRelations(toks)...)
		found = append(found, d.teamRelations(toks)...)
		found = append(found, d.titledAs(toks, found)...)
		slices.SortStableFunc(found, func(a, b candidate) int { return cmp.Compare(a.at, b.at) })
		for _, c := range found {
			if !d.settle(&c.subject, c.pred.SubjectTypes) || !d.settle(&c.object, c.pred.ObjectTypes) {
				continue
			}
			key := c.subject.entity + " " + c.pred.Name + " " + c.object.entity
			if c.confidence < d.opts.MinConfidence {
				continue
			}
			if i, ok := seen[key]; ok {
				// The article says it again: more evidence, once a sentence.
				r := d.out.Relations[i]
				if last := r.Evidence[len(r.Evidence)-1]; last.GetQuote() != s.Text {
					r.Evidence = append(r.Evidence, &pb.Evidence{Document: last.GetDocument(), Quote: s.Text})
				}
				continue
			}
			seen[key] = len(d.out.Relations)
			d.out.Relations = append(d.out.Relations, d.relation(c, s, toks))
		}
	}
}

// relation writes one candidate as a relation record.
func (d *drafter) relation(c candidate, s coverage.Sentence, toks []token) *pb.Relation {
	_, subj, _ := strings.Cut(c.subject.entity, "/")
	_, obj, _ := strings.Cut(c.object.entity, "/")
	r := &pb.Relation{
		Name:      d.unique(resource.Relations, slug(subj+" "+c.pred.Key+" "+obj)),
		Subject:   c.subject.entity,
		Predicate: c.pred.Name,
		Object:    c.object.entity,
		Evidence:  []*pb.Evidence{{Document: d.out.Document.GetName(), Quote: s.Text}},
		Draft:     &pb.Draft{Confidence: round(c.confidence), Reason: c.reason},
	}
	q := d.qualifiers(c, s, toks)
	if q != nil {
		r.Qualifiers = q
	}
	return r
}
