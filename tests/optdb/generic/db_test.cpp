// The database: queries by tags, ordering, sub-databases, cut-offs,
// groups, proxies and the printed tree.
#include <sstream>

#include "helpers.h"
#include "theano/optdb/db.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/pattern.h"

namespace ottest {
namespace {

using namespace theano;
using namespace theano::optdb;

// A global rewrite that records its name in a shared log when applied.
std::shared_ptr<GraphRewriter> logger(const std::string& name, std::vector<std::string>& log) {
  return std::make_shared<FunctionGraphRewriter>(name, [name, &log](FunctionGraph&) {
    log.push_back(name);
    return 0;
  });
}

std::vector<std::string> run(const DB& db, const Query& q, std::vector<std::string>& log) {
  log.clear();
  auto fg = graph({}, {ot::constant(1)});
  auto opt = std::dynamic_pointer_cast<GraphRewriter>(db.query(q));
  EXPECT_TRUE(opt);
  opt->apply(*fg);
  return log;
}

using Log = std::vector<std::string>;

TEST_F(OptdbTest, QueryParsesSignsAndPrintsCanonically) {
  Query q = Query::parse("+fast_run -inplace &stable, extra:more");
  EXPECT_EQ(q.include(), (std::set<std::string>{"extra", "fast_run", "more"}));
  EXPECT_EQ(q.exclude(), (std::set<std::string>{"inplace"}));
  EXPECT_EQ(q.require(), (std::set<std::string>{"stable"}));
  EXPECT_EQ(q.str(), "+extra +fast_run +more &stable -inplace");
  EXPECT_EQ(q.with_position_cutoff(1.5).str(), "+extra +fast_run +more &stable -inplace @1.5");
  EXPECT_THROW(Query::parse("+fast_run -"), ValueError);
}

TEST_F(OptdbTest, NamesAreUniqueAndTagsSelectByNameToo) {
  Log log;
  SequenceDB db("seq");
  db.add("a", logger("a", log), {"t"}, {.position = 1});
  EXPECT_THROW(db.add("a", logger("a", log), {}), ValueError);
  db.add("t", logger("t", log), {}, {.position = 2});  // named like the tag of "a"
  db.add("b", logger("b", log), {"t"}, {.position = 3});
  EXPECT_EQ(run(db, Query::parse("+t"), log), (Log{"a", "t", "b"}));
  EXPECT_TRUE(db.contains("b"));
  EXPECT_EQ(db.entry("a")->tags, (std::set<std::string>{"seq", "t"}));  // db name is a tag
}

TEST_F(OptdbTest, SequenceSelectsByIncludeRequireExcludeInPositionOrder) {
  Log log;
  SequenceDB db("seq");
  db.add("late", logger("late", log), {"x", "z"}, {.position = 3});
  db.add("early", logger("early", log), {"x"}, {.position = 1});
  db.add("mid", logger("mid", log), {"x", "y", "z"}, {.position = 2});
  db.add("other", logger("other", log), {"w"}, {.position = 0});
  EXPECT_EQ(run(db, Query::parse("+x"), log), (Log{"early", "mid", "late"}));
  EXPECT_EQ(run(db, Query::parse("+x -y"), log), (Log{"early", "late"}));
  EXPECT_EQ(run(db, Query::parse("+x &z"), log), (Log{"mid", "late"}));
  EXPECT_EQ(run(db, Query::parse("+w +early"), log), (Log{"other", "early"}));  // by name too
  EXPECT_EQ(run(db, Query::parse("+seq"), log), (Log{"other", "early", "mid", "late"}));
  EXPECT_EQ(run(db, Query::parse("+x").with_position_cutoff(3), log), (Log{"early", "mid"}));
  db.remove_tags("late", {"x"});
  EXPECT_EQ(run(db, Query::parse("+x"), log), (Log{"early", "mid"}));
  db.add_tags("other", {"x"});
  EXPECT_EQ(run(db, Query::parse("+x"), log), (Log{"other", "early", "mid"}));
}

TEST_F(OptdbTest, SubDatabasesAreQueriedRecursivelyOrWithTheirSubquery) {
  Log log;
  auto inner = std::make_shared<SequenceDB>("inner");
  inner->add("ia", logger("ia", log), {"a"}, {.position = 1});
  inner->add("ib", logger("ib", log), {"b"}, {.position = 2});
  SequenceDB outer("outer");
  outer.add("first", logger("first", log), {"a"}, {.position = 0});
  outer.add("inner", inner, {"a", "b"}, {.position = 1});
  outer.add("last", logger("last", log), {"b"}, {.position = 2});
  EXPECT_EQ(run(outer, Query::parse("+a"), log), (Log{"first", "ia"}));
  EXPECT_EQ(run(outer, Query::parse("+b"), log), (Log{"ib", "last"}));
  EXPECT_EQ(run(outer, Query::parse("+a").with_subquery("inner", Query::parse("+b")), log),
            (Log{"first", "ib"}));
  EXPECT_EQ(run(outer, Query::parse("+a -inner"), log), (Log{"first"}));
}

TEST_F(OptdbTest, ExtraRewritesAreInsertedAtTheirPosition) {
  Log log;
  SequenceDB db("seq");
  db.add("one", logger("one", log), {"x"}, {.position = 1});
  db.add("three", logger("three", log), {"x"}, {.position = 3});
  Query q = Query::parse("+x").with_extra(logger("two", log), 2);
  EXPECT_EQ(run(db, q, log), (Log{"one", "two", "three"}));
}

TEST_F(OptdbTest, LocalGroupTriesMembersTrackingTheNodesOp) {
  LocalGroupDB group("useless");
  group.add("neg_neg",
            std::make_shared<PatternSub>("neg_neg", P::op("OTNeg", {P::op("OTNeg", {P::var("x")})}),
                                         P::var("x")),
            {"t"});
  group.add("exp_log",
            std::make_shared<PatternSub>("exp_log", P::op("OTExp", {P::op("OTLog", {P::var("x")})}),
                                         P::var("x")),
            {"t"});
  auto local = std::dynamic_pointer_cast<LocalRewriter>(group.query("+t"));
  ASSERT_TRUE(local);
  auto tracks = local->tracks();
  EXPECT_EQ(tracks, (std::vector<std::string>{"OTExp", "OTNeg"}));
  Var x = ot::vector("x");
  Var y = ot::add(ot::neg(ot::neg(x)), ot::exp(ot::log(x)));
  auto fg = graph({x}, {y});
  EXPECT_EQ(in2out(local)->apply(*fg), 2);
  ASSERT_EQ(fg->size(), 1u);
  EXPECT_EQ(fg->outputs()[0]->owner()->input(0), x);
  EXPECT_EQ(fg->outputs()[0]->owner()->input(1), x);
  EXPECT_THROW(
      {
        LocalGroupDB bad("bad");
        bad.add("global", std::make_shared<MergeOptimizer>(), {"t"});
        bad.query("+t");
      },
      TypeError);
}

TEST_F(OptdbTest, ProxyLetsOneDatabaseAppearTwice) {
  Log log;
  auto shared = std::make_shared<SequenceDB>("shared");
  shared->add("s", logger("s", log), {"x"});
  SequenceDB db("seq");
  db.add("first", std::make_shared<ProxyDB>(shared), {"x"}, {.position = 0});
  db.add("middle", logger("middle", log), {"x"}, {.position = 1});
  db.add("second", std::make_shared<ProxyDB>(shared), {"x"}, {.position = 2});
  EXPECT_EQ(run(db, Query::parse("+x"), log), (Log{"s", "middle", "s"}));
}

TEST_F(OptdbTest, PrintTreeShowsKindsPositionsAndTags) {
  Log log;
  auto eq = std::make_shared<EquilibriumDB>("canon");
  eq->add("cf", std::make_shared<ConstantFolding>(), {"fast_run"},
          {.role = EquilibriumRole::Final});
  SequenceDB db("top");
  db.add("canon", eq, {"fast_run"}, {.position = 1});
  db.add("other", logger("other", log), {"debug"}, {.position = 2.5});
  std::ostringstream all, filtered;
  db.print_tree(all);
  EXPECT_EQ(all.str(),
            "canon  [EquilibriumDB @1]  tags: fast_run, top\n"
            "  cf  [local final]  tags: canon, fast_run\n"
            "other  [global @2.5]  tags: debug, top\n");
  Query q = Query::parse("+fast_run");
  db.print_tree(filtered, &q);
  EXPECT_EQ(filtered.str(),
            "canon  [EquilibriumDB @1]  tags: fast_run, top\n"
            "  cf  [local final]  tags: canon, fast_run\n");
}

}  // namespace
}  // namespace ottest
