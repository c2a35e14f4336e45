package app

import (
	"net/http"
	"strings"
	"time"

	grpcprom "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/entitygraph/entitygraph/server/service"
	"github.com/entitygraph/entitygraph/server/throttle"
)

// Metrics are the server's Prometheus metrics, in a registry of their own:
// the gRPC server metrics of go-grpc-middleware (grpc_server_*), the Go
// runtime and process collectors (go_*, process_*), and entitygraph's own
// (entitygraph_*): the served snapshot, reloads, throttled calls and
// recovered panics.
type Metrics struct {
	// Registry holds every metric; serve it with [Metrics.Handler].
	Registry *prometheus.Registry

	grpc         *grpcprom.ServerMetrics
	panics       prometheus.Counter
	throttledBy  *prometheus.CounterVec
	refused      *prometheus.CounterVec
	reloads      *prometheus.CounterVec
	lastReload   prometheus.Gauge
	lastReloadOK prometheus.Gauge
}

// Reload results, the values of the result label of
// entitygraph_reloads_total.
const (
	ReloadSuccess   = "success"
	ReloadUnchanged = "unchanged"
	ReloadFailure   = "failure"
)

func newMetrics(src service.IndexSource) *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		grpc: grpcprom.NewServerMetrics(grpcprom.WithServerHandlingTimeHistogram(
			grpcprom.WithHistogramBuckets([]float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}),
		)),
		panics: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "entitygraph_panics_recovered_total",
			Help: "Panics in handlers, recovered and answered with INTERNAL.",
		}),
		throttledBy: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "entitygraph_rate_limited_total",
			Help: "Calls refused with RESOURCE_EXHAUSTED by a rate limit, by limit (client or global).",
		}, []string{"limit"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "entitygraph_calls_refused_total",
			Help: "Calls gRPC refused before the interceptors and handlers ran (and so before grpc_server_handled_total counts them), such as a request over --max-recv-bytes, by code.",
		}, []string{"grpc_code"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "entitygraph_reloads_total",
			Help: "Graph reloads by result: success (a new snapshot is served), unchanged (the same graph was loaded) or failure (the new graph was rejected; the old one is still served).",
		}, []string{"result"}),
		lastReload: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "entitygraph_last_reload_timestamp_seconds",
			Help: "When the last reload attempt finished, in Unix seconds; 0 before the first.",
		}),
		lastReloadOK: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "entitygraph_last_reload_success",
			Help: "1 if the last reload attempt succeeded (or none was made yet), 0 if it was rejected.",
		}),
	}
	m.lastReloadOK.Set(1)
	for _, r := range []string{ReloadSuccess, ReloadUnchanged, ReloadFailure} {
		m.reloads.WithLabelValues(r)
	}
	for _, l := range []string{"client", "global"} {
		m.throttledBy.WithLabelValues(l)
	}
	m.Registry.MustRegister(
		m.grpc, m.panics, m.throttledBy, m.refused, m.reloads, m.lastReload, m.lastReloadOK,
		indexCollector{src},
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// Handler serves the metrics in the Prometheus text format (or OpenMetrics,
// when asked for).
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{EnableOpenMetrics: true})
}

func (m *Metrics) throttled(r *throttle.Rejection) {
	limit := "global"
	if strings.HasPrefix(r.Subject, "client:") {
		limit = "client"
	}
	m.throttledBy.WithLabelValues(limit).Inc()
}

func (m *Metrics) reloaded(result string, at time.Time) {
	m.reloads.WithLabelValues(result).Inc()
	m.lastReload.Set(float64(at.UnixNano()) / 1e9)
	if result == ReloadFailure {
		m.lastReloadOK.Set(0)
	} else {
		m.lastReloadOK.Set(1)
	}
}

// indexCollector reports the index being served, read at each scrape.
type indexCollector struct{ src service.IndexSource }

var (
	entitiesDesc  = prometheus.NewDesc("entitygraph_index_entities", "Entities in the served snapshot.", nil, nil)
	relationsDesc = prometheus.NewDesc("entitygraph_index_relations", "Relations in the served snapshot.", nil, nil)
	documentsDesc = prometheus.NewDesc("entitygraph_index_documents", "Documents in the served snapshot.", nil, nil)
	snapshotDesc  = prometheus.NewDesc("entitygraph_snapshot_info", "The served snapshot: always 1, with its version (as in the entitygraph-snapshot response header) as a label.", []string{"version"}, nil)
	builtAtDesc   = prometheus.NewDesc("entitygraph_snapshot_built_timestamp_seconds", "When the served snapshot was built, in Unix seconds.", nil, nil)
)

func (c indexCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{entitiesDesc, relationsDesc, documentsDesc, snapshotDesc, builtAtDesc} {
		ch <- d
	}
}

func (c indexCollector) Collect(ch chan<- prometheus.Metric) {
	ix := c.src.Current()
	st := ix.Stats()
	ch <- prometheus.MustNewConstMetric(entitiesDesc, prometheus.GaugeValue, float64(st.Entities))
	ch <- prometheus.MustNewConstMetric(relationsDesc, prometheus.GaugeValue, float64(st.Relations))
	ch <- prometheus.MustNewConstMetric(documentsDesc, prometheus.GaugeValue, float64(st.Documents))
	ch <- prometheus.MustNewConstMetric(snapshotDesc, prometheus.GaugeValue, 1, ix.Version())
	ch <- prometheus.MustNewConstMetric(builtAtDesc, prometheus.GaugeValue, float64(ix.BuiltAt().UnixNano())/1e9)
}
