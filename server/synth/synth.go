// Package synth generates synthetic knowledge graphs for benchmarks and
// tests: deterministic for a seed, at any scale, shaped like the curated
// graph. Entities are organizations (Korean, Japanese and English-named
// companies, business groups, associations, parties, legislatures, a fixed
// set of countries and trade blocs), people, places and topics, with
// multi-token names and aliases in Hangul and Japanese. Relations use the
// whole predicate vocabulary between plausible types, with qualifiers
// (roles, statuses, times, places, ranks) and a few relations about
// relations; endpoints are drawn from power-law distributions, so a few
// entities are hubs and most have a handful of relations. Every relation is
// backed by one or two sentences of a generated news article, quoted
// verbatim at its byte offsets.
package synth

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// Config says what graph to generate.
type Config struct {
	// Entities is the number of entities, at least 100.
	Entities int
	// RelationsPerEntity is the number of relations per entity; 0 means 10.
	RelationsPerEntity int
	// Seed picks the graph: the same Config always makes the same graph.
	Seed uint64
	// Vocabulary is the vocabulary the graph is written in; its synthetic
	// records say how each predicate is drawn and written. The generator's
	// entities have the seed vocabulary's kinds (kinds/company, ...) where
	// Vocabulary declares them.
	Vocabulary *vocab.Vocabulary
}

// The kinds the generator's entities have, as the seed's vocabulary names
// them.
const (
	kindCompany             = "kinds/company"
	kindBusinessGroup       = "kinds/business-group"
	kindIndustryAssociation = "kinds/industry-association"
	kindPoliticalParty      = "kinds/political-party"
	kindLegislature         = "kinds/legislature"
	kindCountry             = "kinds/country"
	kindTradeBloc           = "kinds/trade-bloc"
	kindCity                = "kinds/city"
	kindRegion              = "kinds/region"
)

// Sink receives a generated graph: all documents first, then all entities,
// then all relations. [*index.Builder] is one. A relation's evidence has
// byte offsets and no quote; documents have their text, checksum and
// character count.
type Sink interface {
	AddDocument(*pb.Document) error
	AddEntity(*pb.Entity) error
	AddRelation(*pb.Relation) error
}

// The pools entities are drawn from.
const (
	poolCompany = iota
	poolOrg     // organizations other than companies, countries and blocs
	poolCountry
	poolBloc
	poolPerson
	poolPlace
	poolTopic
	poolRelation // relations that other relations may be about
	numPools
)

// Forms of pb.Entity, by oneof field number.
const (
	formOrganization = 1
	formPerson       = 2
	formPlace        = 3
	formTopic        = 4
)

// entityInfo is what the generator keeps of each entity.
type entityInfo struct {
	name    string // resource name
	display string
	native  string // a native-script alias for sentences, or ""
	pool    uint8
}

type gen struct {
	cfg   Config
	specs []spec
	ents  []entityInfo
	pools [numPools][]int32

	// The relations, planned before anything is written. Endpoints are
	// node numbers: entities, then relation j as len(ents)+j.
	subj, obj []int32
	pred      []uint16 // index into specs
	suffix    []uint16 // disambiguates a relation's name; 0 for none

	// Where each relation's evidence is.
	evDoc          []int32
	evFrom, evTo   []uint32
	ev2From, ev2To []uint32 // a second quote, when ev2To > 0
	docNames       []string
}

// Generate writes the graph cfg describes to sink.
func Generate(cfg Config, sink Sink) error {
	if cfg.Entities < 100 {
		return fmt.Errorf("synth: %d entities; want at least 100", cfg.Entities)
	}
	cfg.RelationsPerEntity = cmp.Or(cfg.RelationsPerEntity, 10)
	if cfg.Vocabulary == nil {
		return errors.New("synth: no vocabulary")
	}
	specs, err := newSpecs(cfg.Vocabulary)
	if err != nil {
		return err
	}
	g := &gen{cfg: cfg, specs: specs}
	g.planEntities()
	g.planRelations()
	if err := g.writeDocuments(sink); err != nil {
		return err
	}
	for i := range g.ents {
		e, _ := g.makeEntity(i)
		e.Name = g.ents[i].name
		g.keepKnownKinds(e)
		if err := sink.AddEntity(e); err != nil {
			return err
		}
	}
	for j := range g.subj {
		if err := sink.AddRelation(g.makeRelation(j)); err != nil {
			return err
		}
	}
	return nil
}

// rngFor returns the random stream of one item of one kind, so that any
// item can be made again, alone, exactly as it was.
func (g *gen) rngFor(kind uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.cfg.Seed, kind<<48|uint64(i)))
}

const (
	streamEntity = iota + 1
	streamPlan
	streamRelation
	streamDocument
	streamSentence
)

// ---------------------------------------------------------------- entities

func (g *gen) planEntities() {
	n := g.cfg.Entities
	g.ents = make([]entityInfo, n)
	taken := make(map[string]int, n)
	for i := range n {
		e, info := g.makeEntity(i)
		base := e.GetName()
		name := base
		if k := taken[base]; k > 0 {
			// Another entity has this name: number this one, keeping
			// the id within the 63 characters a resource id may have.
			coll, id, _ := strings.Cut(base, "/")
			for {
				k++
				s := "-" + strconv.Itoa(k)
				name = coll + "/" + truncSlug(id, 63-len(s)) + s
				if taken[name] == 0 {
					break
				}
			}
			taken[base] = k
		}
		taken[name] = max(taken[name], 1)
		info.name = name
		g.ents[i] = info
		g.pools[info.pool] = append(g.pools[info.pool], int32(i))
	}
}

func alias(text, lang string, kind pb.AliasKind) *pb.Alias {
	return &pb.Alias{Text: text, Language: lang, Kind: kind}
}

// makeEntity makes entity i with its undisambiguated name.
func (g *gen) makeEntity(i int) (*pb.Entity, entityInfo) {
	if i < len(countries) {
		c := countries[i]
		o := &pb.Entity{Name: "organizations/" + c.id, DisplayName: c.name, Kinds: []string{kindCountry},
			Description: c.name + ", as a state and its government."}
		if c.native != "" {
			o.Aliases = append(o.Aliases, alias(c.native, c.lang, pb.AliasKind_ALIAS_KIND_NATIVE))
		}
		o.Aliases = append(o.Aliases, alias(c.demonym, "en", pb.AliasKind_ALIAS_KIND_DEMONYM))
		return o, entityInfo{display: c.name, native: c.native, pool: poolCountry}
	}
	if i < len(countries)+len(blocs) {
		b := blocs[i-len(countries)]
		o := &pb.Entity{Name: "organizations/" + b.id, DisplayName: b.name, Kinds: []string{kindTradeBloc},
			Aliases: []*pb.Alias{alias(b.abbrev, "en", pb.AliasKind_ALIAS_KIND_ABBREVIATION)}, Description: "Trade bloc."}
		return o, entityInfo{display: b.name, pool: poolBloc}
	}
	rng := g.rngFor(streamEntity, i)
	switch r := rng.Float64(); {
	case r < 0.55:
		return g.company(rng)
	case r < 0.60:
		return g.otherOrg(rng)
	case r < 0.88:
		return g.person(rng)
	case r < 0.96:
		return g.place(rng)
	default:
		return g.topic(rng)
	}
}

func pickOne[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func nationality(rng *rand.Rand, script int) string {
	switch script {
	case 0:
		return "South Korean"
	case 1:
		return "Japanese"
	}
	return pickOne(rng, []string{"American", "British", "Canadian", "Australian", "German", "Singaporean"})
}

func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func join(parts ...string) string {
	var nonEmpty []string
	for _, p := range parts {
		if p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	return strings.Join(nonEmpty, " ")
}

func (g *gen) company(rng *rand.Rand) (*pb.Entity, entityInfo) {
	script := rng.IntN(3) // Korean, Japanese, English
	o := &pb.Entity{Kinds: []string{kindCompany}}
	var native string
	switch script {
	case 0:
		a, b := pickOne(rng, koSyllables), pickOne(rng, koSyllables)
		mod, ind := pickOne(rng, koModifiers), pickOne(rng, koIndustries)
		o.DisplayName = join(a.en+strings.ToLower(b.en), mod.en, ind.en)
		native = a.native + b.native + mod.native + ind.native
		o.Aliases = append(o.Aliases, alias(native, "ko", pb.AliasKind_ALIAS_KIND_NATIVE))
	case 1:
		a, ind := pickOne(rng, jaStems), pickOne(rng, jaIndustries)
		var b pair
		if rng.IntN(2) == 0 {
			b = pickOne(rng, jaStems)
		}
		o.DisplayName = join(a.en, b.en, ind.en) + pickOne(rng, jaSuffixes)
		native = a.native + b.native + ind.native
		o.Aliases = append(o.Aliases, alias(native, "ja", pb.AliasKind_ALIAS_KIND_NATIVE))
	default:
		base := join(pickOne(rng, enPrefixes)+pickOne(rng, enRoots), pickOne(rng, enModifiers), pickOne(rng, enIndustries))
		suffix := pickOne(rng, enSuffixes)
		o.DisplayName = join(base, suffix)
		if suffix != "" && rng.IntN(3) == 0 {
			o.Aliases = append(o.Aliases, alias(base, "en", pb.AliasKind_ALIAS_KIND_VARIANT))
		}
		if rng.IntN(10) == 0 {
			former := join(pickOne(rng, enPrefixes)+pickOne(rng, enRoots), pickOne(rng, enIndustries))
			o.Aliases = append(o.Aliases, alias(former, "en", pb.AliasKind_ALIAS_KIND_FORMER))
		}
	}
	if ab := initials(o.DisplayName); len(ab) >= 2 && rng.IntN(3) == 0 {
		o.Aliases = append(o.Aliases, alias(ab, "en", pb.AliasKind_ALIAS_KIND_ABBREVIATION))
	}
	if rng.IntN(10) < 7 {
		o.Description = nationality(rng, script) + " company."
	}
	o.Name = "organizations/" + slug(o.DisplayName)
	return o, entityInfo{display: o.DisplayName, native: native, pool: poolCompany}
}

func (g *gen) otherOrg(rng *rand.Rand) (*pb.Entity, entityInfo) {
	script := rng.IntN(3)
	o := &pb.Entity{}
	var native string
	stem := func() (string, string) {
		switch script {
		case 0:
			a, b := pickOne(rng, koSyllables), pickOne(rng, koSyllables)
			return a.en + strings.ToLower(b.en), a.native + b.native
		case 1:
			a := pickOne(rng, jaStems)
			return a.en, a.native
		}
		return pickOne(rng, enPrefixes) + pickOne(rng, enRoots), ""
	}
	switch r := rng.IntN(20); {
	case r < 10:
		en, nat := stem()
		o.Kinds, o.DisplayName = []string{kindBusinessGroup}, en+" Group"
		if nat != "" {
			native = nat + map[int]string{0: "그룹", 1: "グループ"}[script]
		}
		o.Description = nationality(rng, script) + " business group."
	case r < 16:
		nat := nationality(rng, script)
		ind := pickOne(rng, enIndustries)
		o.Kinds, o.DisplayName = []string{kindIndustryAssociation}, join(nat, ind, "Association")
		o.Description = "Industry association of " + nat + " " + strings.ToLower(ind) + " makers."
	case r < 19:
		o.Kinds = []string{kindPoliticalParty}
		o.DisplayName = join(pickOne(rng, []string{"New", "United", "Democratic", "People's", "Progressive", "Liberal", "Reform"}),
			pickOne(rng, []string{"Frontier", "Future", "Renewal", "Unity", "Justice", "Hope", "Dawn", "Harmony"}), "Party")
		o.Description = nationality(rng, script) + " political party."
	default:
		en, nat := stem()
		o.Kinds, o.DisplayName = []string{kindLegislature}, en+" Provincial Assembly"
		if nat != "" {
			native = nat + map[int]string{0: "도의회", 1: "県議会"}[script]
		}
		o.Description = "Regional legislature."
	}
	if native != "" {
		o.Aliases = append(o.Aliases, alias(native, []string{"ko", "ja"}[script], pb.AliasKind_ALIAS_KIND_NATIVE))
	}
	if ab := initials(o.DisplayName); len(ab) >= 3 {
		o.Aliases = append(o.Aliases, alias(ab, "en", pb.AliasKind_ALIAS_KIND_ABBREVIATION))
	}
	o.Name = "organizations/" + slug(o.DisplayName)
	return o, entityInfo{display: o.DisplayName, native: native, pool: poolOrg}
}

func (g *gen) person(rng *rand.Rand) (*pb.Entity, entityInfo) {
	p := &pb.Entity{}
	var native string
	script := rng.IntN(20)
	switch {
	case script < 8:
		s, a, b := pickOne(rng, koSurnames), pickOne(rng, koGiven), pickOne(rng, koGiven)
		given := strings.ToUpper(a.en[:1]) + a.en[1:]
		p.DisplayName = s.en + " " + given + "-" + b.en
		native = s.native + a.native + b.native
		p.Aliases = []*pb.Alias{alias(native, "ko", pb.AliasKind_ALIAS_KIND_NATIVE), alias(s.en+" "+given+b.en, "en", pb.AliasKind_ALIAS_KIND_VARIANT)}
		script = 0
	case script < 13:
		s, gv := pickOne(rng, jaSurnames), pickOne(rng, jaGiven)
		p.DisplayName = gv.en + " " + s.en
		native = s.native + gv.native
		p.Aliases = []*pb.Alias{alias(native, "ja", pb.AliasKind_ALIAS_KIND_NATIVE), alias(s.en+" "+gv.en, "en", pb.AliasKind_ALIAS_KIND_VARIANT)}
		script = 1
	default:
		first, last := pickOne(rng, enFirst), pickOne(rng, enLast)
		if rng.IntN(5) == 0 {
			p.DisplayName = first + " " + string(rune('A'+rng.IntN(26))) + ". " + last
			p.Aliases = append(p.Aliases, alias(first+" "+last, "en", pb.AliasKind_ALIAS_KIND_VARIANT))
		} else {
			p.DisplayName = first + " " + last
		}
		if rng.IntN(3) == 0 {
			p.Aliases = append(p.Aliases, alias(last, "en", pb.AliasKind_ALIAS_KIND_ABBREVIATION))
		}
		script = 2
	}
	if rng.IntN(10) < 6 {
		p.Description = nationality(rng, script) + " " + pickOne(rng, []string{"business executive.", "politician.", "economist.", "engineer.", "diplomat."})
	}
	p.Name = "people/" + slug(p.DisplayName)
	return p, entityInfo{display: p.DisplayName, native: native, pool: poolPerson}
}

func (g *gen) place(rng *rand.Rand) (*pb.Entity, entityInfo) {
	p := &pb.Entity{}
	kind := pickOne(rng, placeKinds)
	p.Kinds = []string{kindCity}
	if kind.region {
		p.Kinds = []string{kindRegion}
	}
	var native, country string
	switch rng.IntN(3) {
	case 0:
		a, b := pickOne(rng, koSyllables), pickOne(rng, koSyllables)
		p.DisplayName = a.en + strings.ToLower(b.en) + " " + kind.en
		native = a.native + b.native + kind.ko
		p.Aliases = []*pb.Alias{alias(native, "ko", pb.AliasKind_ALIAS_KIND_NATIVE)}
		country = "South Korea"
	case 1:
		a := pickOne(rng, jaStems)
		p.DisplayName = a.en + " " + kind.en
		native = a.native + kind.ja
		p.Aliases = []*pb.Alias{alias(native, "ja", pb.AliasKind_ALIAS_KIND_NATIVE)}
		country = "Japan"
	default:
		p.DisplayName = pickOne(rng, enPrefixes) + pickOne(rng, enRoots) + " " + kind.en
		country = pickOne(rng, []string{"the United States", "the United Kingdom", "Canada", "Australia"})
	}
	if rng.IntN(2) == 0 {
		p.Description = map[bool]string{false: "City in ", true: "Region of "}[kind.region] + country + "."
	}
	p.Name = "places/" + slug(p.DisplayName)
	return p, entityInfo{display: p.DisplayName, native: native, pool: poolPlace}
}

func (g *gen) topic(rng *rand.Rand) (*pb.Entity, entityInfo) {
	t := &pb.Entity{}
	t.DisplayName = pickOne(rng, topicPrefixes) + pickOne(rng, topicAdjectives) + " " + pickOne(rng, topicNouns) + pickOne(rng, topicSuffixes)
	if rng.IntN(2) == 0 {
		t.Description = "Technology and market area."
	}
	t.Name = "topics/" + slug(t.DisplayName)
	return t, entityInfo{display: t.DisplayName, pool: poolTopic}
}

// slug makes a resource id of a display name: lowercase ASCII letters and
// digits, words joined by single hyphens, at most 40 characters.
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '\'' || r == '.':
		default:
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return truncSlug(b.String(), 40)
}

// truncSlug cuts a slug to at most n characters at a hyphen when it can.
func truncSlug(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, "-")
}

// ---------------------------------------------------------------- relations

type poolWeight struct {
	pool   uint8
	weight float64
}

// poolOf maps the vocabulary's pool names to the generator's pools.
var poolOf = map[string]uint8{
	"company": poolCompany, "organization": poolOrg, "country": poolCountry, "bloc": poolBloc,
	"person": poolPerson, "place": poolPlace, "topic": poolTopic, "relation": poolRelation,
}

// poolWeights turns the shares a synthetic record gives into pools.
func poolWeights(shares []*pb.PoolShare) []poolWeight {
	out := make([]poolWeight, len(shares))
	for i, s := range shares {
		out[i] = poolWeight{poolOf[s.GetPool()], s.GetShare()}
	}
	return out
}

// spec is what the generator draws a predicate by: the vocabulary's
// predicate and synthetic record, and the record's pools as the
// generator's.
type spec struct {
	pred      *vocab.Predicate
	syn       *pb.SyntheticPredicate
	subj, obj []poolWeight
}

// newSpecs returns the vocabulary's synthetic records in draw order.
func newSpecs(v *vocab.Vocabulary) ([]spec, error) {
	var out []spec
	for _, syn := range v.Synthetic() {
		p, ok := v.Lookup(syn.GetPredicate())
		if !ok {
			return nil, fmt.Errorf("synth: synthetic record of unknown predicate %s", syn.GetPredicate())
		}
		out = append(out, spec{pred: p, syn: syn, subj: poolWeights(syn.GetSubject()), obj: poolWeights(syn.GetObject())})
	}
	if len(out) == 0 {
		return nil, errors.New("synth: the vocabulary has no synthetic records; it says nothing of how to write its predicates")
	}
	return out, nil
}

// record returns the spec of relation j's predicate.
func (g *gen) record(j int) *spec { return &g.specs[g.pred[j]] }

// keepKnownKinds drops the kinds of e the vocabulary does not declare.
func (g *gen) keepKnownKinds(e *pb.Entity) {
	e.Kinds = slices.DeleteFunc(e.Kinds, func(k string) bool {
		_, ok := g.cfg.Vocabulary.LookupKind(k)
		return !ok
	})
}

// hubShare is the share of endpoints drawn from the power law (the rest
// are uniform), and hubExponent its exponent: the k-th entity of a pool is
// drawn with probability proportional to (k+1)^-hubExponent, which makes
// the degree distribution a power law with exponent 1+1/hubExponent.
const (
	hubShare    = 0.7
	hubExponent = 0.7
)

func (g *gen) pickPool(rng *rand.Rand, ws []poolWeight) uint8 {
	r := rng.Float64()
	for _, w := range ws {
		if r < w.weight {
			return w.pool
		}
		r -= w.weight
	}
	return ws[len(ws)-1].pool
}

// pick draws a node from a pool.
func (g *gen) pick(rng *rand.Rand, pool uint8) int32 {
	p := g.pools[pool]
	if pool == poolRelation {
		// Relations talked about are recent ones, uniformly.
		return int32(len(g.ents)) + p[rng.IntN(len(p))]
	}
	n := len(p)
	if rng.Float64() >= hubShare {
		return p[rng.IntN(n)]
	}
	a := 1 - hubExponent
	x := math.Pow(1+rng.Float64()*(math.Pow(float64(n)+1, a)-1), 1/a) - 1
	return p[min(int(x), n-1)]
}

func (g *gen) planRelations() {
	m := g.cfg.Entities * g.cfg.RelationsPerEntity
	g.subj, g.obj = make([]int32, m), make([]int32, m)
	g.pred, g.suffix = make([]uint16, m), make([]uint16, m)
	specs := g.specs
	total := 0.0
	for _, s := range specs {
		total += s.syn.GetWeight()
	}
	rng := g.rngFor(streamPlan, 0)
	names := make(map[uint64]struct{}, m)
	for j := range m {
		var s *spec
		var si int
		for {
			r := rng.Float64() * total
			for i := range specs {
				if w := specs[i].syn.GetWeight(); r < w || i == len(specs)-1 {
					s, si = &specs[i], i
					break
				}
				r -= specs[i].syn.GetWeight()
			}
			sp, op := g.pickPool(rng, s.subj), g.pickPool(rng, s.obj)
			if len(g.pools[sp]) == 0 || len(g.pools[op]) == 0 {
				continue
			}
			subj, obj := g.pick(rng, sp), g.pick(rng, op)
			if subj == obj {
				continue
			}
			g.subj[j], g.obj[j], g.pred[j] = subj, obj, uint16(si)
			break
		}
		base := g.relationID(j)
		for k := 0; ; k++ {
			id := base
			if k > 0 {
				id = base + "-" + strconv.Itoa(k+1)
			}
			h := fnv.New64a()
			h.Write([]byte(id))
			if _, dup := names[h.Sum64()]; !dup {
				names[h.Sum64()] = struct{}{}
				g.suffix[j] = uint16(k)
				break
			}
		}
		// Relations other relations may be about: those English can name
		// as a thing.
		if s.pred.Message().GetLexicon().GetNounPhrase() != "" {
			g.pools[poolRelation] = append(g.pools[poolRelation], int32(j))
		}
	}
}

// relationID is the id of relation j before disambiguation:
// subject-verb-object, as in the curated graph.
func (g *gen) relationID(j int) string {
	verb := g.record(j).syn.GetIdVerb()
	room := 63 - len(verb) - 2 - 4 // the hyphens, and room for a suffix
	s, o := g.nodeID(g.subj[j]), g.nodeID(g.obj[j])
	half := room / 2
	sn := min(len(s), max(half, room-len(o)))
	s = truncSlug(s, sn)
	o = truncSlug(o, room-len(s))
	return s + "-" + verb + "-" + o
}

// nodeID is the id (after the collection) of an entity or relation node.
func (g *gen) nodeID(n int32) string {
	if int(n) < len(g.ents) {
		_, id, _ := strings.Cut(g.ents[n].name, "/")
		return id
	}
	return g.relationID(int(n) - len(g.ents))
}

func (g *gen) nodeName(n int32) string {
	if int(n) < len(g.ents) {
		return g.ents[n].name
	}
	return g.relationName(int(n) - len(g.ents))
}

func (g *gen) relationName(j int) string {
	id := g.relationID(j)
	if k := g.suffix[j]; k > 0 {
		id += "-" + strconv.Itoa(int(k)+1)
	}
	return "relations/" + id
}

func timeSpan(text, start string) *pb.TimeSpan { return &pb.TimeSpan{Text: text, Start: start} }

// qualifiers returns the qualifiers of relation j (nil for none) and a
// year its sentences may mention, as the recipe of its predicate's record
// says, drawing in a fixed order from the relation's own random stream.
func (g *gen) qualifiers(j int) (*pb.Qualifiers, string) {
	rng := g.rngFor(streamRelation, j)
	year := strconv.Itoa(1998 + rng.IntN(28))
	recipe := g.record(j).syn
	q := &pb.Qualifiers{}
	if len(recipe.GetRoles()) > 0 {
		subj := g.subj[j]
		person := int(subj) < len(g.ents) && g.ents[subj].pool == poolPerson
		if (person || !recipe.GetRolePeopleOnly()) && happens(rng, recipe.GetRoleChance()) {
			q.Role = choose(rng, recipe.GetRoles())
		}
	}
	if len(recipe.GetStatuses()) > 0 && happens(rng, recipe.GetStatusChance()) {
		q.Status = choose(rng, recipe.GetStatuses())
	}
	if happens(rng, recipe.GetRankChance()) && int(g.obj[j]) < len(g.ents) {
		k := 1 + rng.IntN(10)
		q.Rank = &pb.Rank{Position: int32(k), Scope: g.ents[g.obj[j]].display, Text: "No. " + strconv.Itoa(k)}
	}
	if happens(rng, recipe.GetTimeChance()) {
		switch recipe.GetTimeForm() {
		case pb.SyntheticTimeForm_SYNTHETIC_TIME_FORM_SINCE_YEAR:
			q.Time = timeSpan("since "+year, year)
		case pb.SyntheticTimeForm_SYNTHETIC_TIME_FORM_MONTH_YEAR:
			m := 1 + rng.IntN(12)
			q.Time = timeSpan(months[m-1]+" "+year, fmt.Sprintf("%s-%02d", year, m))
		default:
			q.Time = timeSpan(year, year)
		}
	}
	if rng.IntN(20) == 0 && len(g.pools[poolPlace]) > 0 {
		pl := g.pools[poolPlace][rng.IntN(len(g.pools[poolPlace]))]
		q.Place = &pb.PlaceRef{Text: g.ents[pl].display, Entity: g.ents[pl].name}
	}
	if rng.IntN(50) == 0 {
		q.Manner = pickOne(rng, manners)
	}
	if rng.IntN(100) == 0 && len(g.pools[poolCountry]) > 0 {
		q.Audience = []string{g.ents[pickOne(rng, g.pools[poolCountry])].name}
	}
	if happens(rng, recipe.GetTopicChance()) && len(g.pools[poolTopic]) > 0 {
		q.Topic = g.ents[pickOne(rng, g.pools[poolTopic])].name
	}
	if rng.IntN(100) == 0 {
		q.Note = "Reported by several outlets; not confirmed by the companies."
	}
	if proto0(q) {
		return nil, year
	}
	return q, year
}

// happens draws whether something with chance c happens; it draws nothing
// when c is never or always.
func happens(rng *rand.Rand, c *pb.Chance) bool {
	switch times, of := int(c.GetTimes()), int(c.GetOutOf()); {
	case of <= 0:
		return false
	case times >= of:
		return true
	default:
		return rng.IntN(of) < times
	}
}

// choose picks one of xs, drawing nothing when there is only one.
func choose[T any](rng *rand.Rand, xs []T) T {
	if len(xs) == 1 {
		return xs[0]
	}
	return pickOne(rng, xs)
}

func proto0(q *pb.Qualifiers) bool {
	return q.Time == nil && q.Place == nil && q.Status == 0 && q.Rank == nil && q.Role == "" &&
		q.Topic == "" && len(q.Audience) == 0 && q.Manner == "" && q.Note == ""
}

func (g *gen) makeRelation(j int) *pb.Relation {
	q, _ := g.qualifiers(j)
	r := &pb.Relation{
		Name:       g.relationName(j),
		Subject:    g.nodeName(g.subj[j]),
		Predicate:  g.record(j).pred.Name,
		Object:     g.nodeName(g.obj[j]),
		Qualifiers: q,
	}
	doc := g.docNames[g.evDoc[j]]
	r.Evidence = append(r.Evidence, &pb.Evidence{Document: doc, StartByte: int32(g.evFrom[j]), EndByte: int32(g.evTo[j])})
	if g.ev2To[j] > 0 {
		r.Evidence = append(r.Evidence, &pb.Evidence{Document: doc, StartByte: int32(g.ev2From[j]), EndByte: int32(g.ev2To[j])})
	}
	return r
}

// ---------------------------------------------------------------- documents

// label is how a sentence names node n: an entity's display name,
// sometimes with its native name, or a phrase for a relation.
func (g *gen) label(n int32, withNative bool) string {
	if int(n) < len(g.ents) {
		e := g.ents[n]
		if withNative && e.native != "" {
			return e.display + " (" + e.native + ")"
		}
		return e.display
	}
	j := int(n) - len(g.ents)
	return fill(g.record(j).pred.Message().GetLexicon().GetNounPhrase(), g.label(g.subj[j], false), g.label(g.obj[j], false), "", "", "")
}

// sentences returns the sentence that states relation j and, for some
// relations, a second one; variant picks another wording when a sentence
// turns out not to be unique in its document.
func (g *gen) sentences(j, variant int) (string, string) {
	rng := g.rngFor(streamSentence, j)
	q, year := g.qualifiers(j)
	s := g.label(g.subj[j], rng.IntN(4) == 0)
	o := g.label(g.obj[j], rng.IntN(4) == 0)
	main := g.mainSentence(rng, j, variant, q, year, s, o)
	// A name that ends with a period ends the sentence too.
	if strings.HasSuffix(main, "..") {
		main = main[:len(main)-1]
	}
	switch {
	case variant >= 3:
		main = "According to filing " + strconv.Itoa(j) + ", " + main
	case variant == 2:
		main = "In a statement, " + main
	}
	var second string
	if rng.IntN(5) == 0 {
		second = "The arrangement between " + g.label(g.subj[j], false) + " and " + g.label(g.obj[j], false) + " dates back to " + year + "."
		if variant >= 3 {
			second = "Filing " + strconv.Itoa(j) + " adds that " + second
		}
	}
	return main, second
}

// mainSentence states relation j with one of its predicate's sentences:
// those whose condition (a status, a rank) the relation meets, or else those
// without a condition; among them the one variant asks for, or one at
// random when the record says so.
func (g *gen) mainSentence(rng *rand.Rand, j, variant int, q *pb.Qualifiers, year, s, o string) string {
	syn := g.record(j).syn
	var met, plain []string
	for _, t := range syn.GetSentences() {
		switch {
		case t.GetStatus() != 0 && t.GetStatus() == q.GetStatus(), t.GetRanked() && q.GetRank() != nil:
			met = append(met, t.GetText())
		case t.GetStatus() == 0 && !t.GetRanked():
			plain = append(plain, t.GetText())
		}
	}
	if len(met) == 0 {
		met = plain
	}
	if syn.GetRandomSentence() {
		filled := make([]string, len(met))
		for i, t := range met {
			filled[i] = fill(t, s, o, q.GetRole(), q.GetRank().GetText(), year, func() string { return pickOne(rng, products) })
		}
		return pickOne(rng, filled)
	}
	return fill(met[variant%len(met)], s, o, q.GetRole(), q.GetRank().GetText(), year)
}

// fill writes a sentence template's placeholders: {subject}, {object},
// {role}, {rank}, {year}, and {product}, each a new draw of product.
func fill(template, subject, object, role, rank, year string, product ...func() string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			b.WriteString(template)
			return b.String()
		}
		k := strings.IndexByte(template[i:], '}')
		if k < 0 {
			b.WriteString(template)
			return b.String()
		}
		b.WriteString(template[:i])
		switch ph := template[i+1 : i+k]; ph {
		case "subject":
			b.WriteString(subject)
		case "object":
			b.WriteString(object)
		case "role":
			b.WriteString(role)
		case "rank":
			b.WriteString(rank)
		case "year":
			b.WriteString(year)
		case "product":
			if len(product) > 0 {
				b.WriteString(product[0]())
			}
		default:
			b.WriteString(template[i : i+k+1])
		}
		template = template[i+k+1:]
	}
}

// writeDocuments writes the articles, each stating a run of relations,
// and records where each relation's evidence is.
func (g *gen) writeDocuments(sink Sink) error {
	m := len(g.subj)
	g.evDoc = make([]int32, m)
	g.evFrom, g.evTo = make([]uint32, m), make([]uint32, m)
	g.ev2From, g.ev2To = make([]uint32, m), make([]uint32, m)
	variant := map[int]int{} // relation → wording, when not the first
	for start, k := 0, 0; start < m; k++ {
		rng := g.rngFor(streamDocument, k)
		end := min(m, start+20+rng.IntN(41))
		first := start
		title := g.title(first)
		for {
			text := g.article(rng, title, start, end, variant)
			if g.checkQuotes(text, start, end, variant) {
				name := "documents/" + truncSlug(slug(title), 40) + "-" + strconv.FormatInt(int64(k), 36)
				g.docNames = append(g.docNames, name)
				for j := start; j < end; j++ {
					g.evDoc[j] = int32(k)
				}
				sum := sha256.Sum256([]byte(text))
				doc := &pb.Document{
					Name: name, Title: title, SourceFile: "docs/" + strconv.Itoa(k) + ".txt",
					Sha256: hex.EncodeToString(sum[:]), CharCount: int32(utf8.RuneCountInString(text)), Text: text,
				}
				if err := sink.AddDocument(doc); err != nil {
					return err
				}
				break
			}
			rng = g.rngFor(streamDocument, k)
			rng.IntN(41)
		}
		start = end
	}
	return nil
}

func (g *gen) title(j int) string {
	t := g.record(j).pred.Sentence(g.label(g.subj[j], false), g.label(g.obj[j], false))
	if len(t) > 100 {
		t = t[:strings.LastIndexByte(t[:100], ' ')]
	}
	return t
}

// article writes the text of a document stating relations start to end,
// recording the offsets of their quotes.
func (g *gen) article(rng *rand.Rand, title string, start, end int, variant map[int]int) string {
	var b strings.Builder
	b.WriteString(title)
	b.WriteString("\n\n")
	inPara := 0
	for j := start; j < end; j++ {
		main, second := g.sentences(j, variant[j])
		for _, s := range []struct {
			text     string
			from, to *uint32
		}{{main, &g.evFrom[j], &g.evTo[j]}, {second, &g.ev2From[j], &g.ev2To[j]}} {
			if s.text == "" {
				*s.from, *s.to = 0, 0
				continue
			}
			if inPara > 0 {
				b.WriteByte(' ')
			}
			*s.from = uint32(b.Len())
			b.WriteString(s.text)
			*s.to = uint32(b.Len())
			inPara++
		}
		if rng.IntN(4) == 0 {
			f := pickOne(rng, fillers)
			if strings.Contains(f, "%") {
				f = fmt.Sprintf(f, 2+rng.IntN(9))
			}
			b.WriteByte(' ')
			b.WriteString(f)
		}
		if inPara >= 4+rng.IntN(3) && j < end-1 {
			b.WriteString("\n\n")
			inPara = 0
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// checkQuotes reports whether every quote occurs exactly once in text; for
// each that does not, it picks another wording for the next attempt.
func (g *gen) checkQuotes(text string, start, end int, variant map[int]int) bool {
	ok := true
	for j := start; j < end; j++ {
		for _, span := range [][2]uint32{{g.evFrom[j], g.evTo[j]}, {g.ev2From[j], g.ev2To[j]}} {
			if span[1] == 0 {
				continue
			}
			q := text[span[0]:span[1]]
			if strings.Index(text, q) != int(span[0]) || strings.Contains(text[span[0]+1:], q) {
				variant[j]++
				ok = false
			}
		}
	}
	return ok
}
