use super::*;

const NESTED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="width" attr.type="double"><default>30</default></key>
  <key id="d2" for="node" attr.name="X" attr.type="double"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">Alpha</data><data key="d2">12.5</data></node>
    <node id="g1">
      <graph id="g1:" edgedefault="directed">
        <node id="b"/>
        <node id="g2"><graph id="g2:"><node id="c"><data key="d1">8</data></node></graph></node>
      </graph>
    </node>
    <edge source="a" target="b"><data key="w">0.5</data></edge>
    <edge source="b" target="c"/>
  </graph>
</graphml>"#;

#[test]
fn nodes_data_edges_and_nested_groups() {
    assert!(looks_like_graphml(NESTED));
    let input = parse(NESTED).unwrap();
    assert!(input.directed);
    let g = &input.graph;
    assert_eq!(g.node_count(), 3);
    let labels: Vec<_> = input.labels.iter().map(|l| l.clone().unwrap()).collect();
    assert_eq!(labels, ["Alpha", "b", "c"]);
    assert_eq!(g.nodes()[0].x, Some(12.5));
    assert_eq!(g.nodes()[1].width, Some(30.0), "the key's default");
    assert_eq!(g.nodes()[2].width, Some(8.0));
    assert_eq!(g.links().len(), 2);
    assert_eq!(g.links()[0].weight, Some(0.5));
    let groups = g.groups().groups();
    assert_eq!(groups.len(), 2);
    assert_eq!(
        (groups[0].leaves.as_slice(), groups[0].groups.as_slice()),
        (&[1][..], &[1][..])
    );
    assert_eq!(groups[1].leaves, [2]);
}

#[test]
fn bad_graphml_gets_a_clear_error() {
    let cases = [
        ("<graphml><graph><node id=\"a\"></graph></graphml>", "not well-formed XML"),
        ("<?xml version=\"1.0\"?><gexf/>", "not <graphml>"),
        ("<graphml/>", "no <graph>"),
        ("<graphml><graph><node/></graph></graphml>", "needs an id"),
        ("<graphml><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>", "used twice"),
        ("<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"z\"/></graph></graphml>", "\"z\" is not a node"),
        (
            "<graphml><key id=\"k\" for=\"node\" attr.name=\"x\"/><graph><node id=\"a\"><data key=\"k\">left</data></node></graph></graphml>",
            "x = \"left\" is not a number",
        ),
        (
            "<graphml><graph><node id=\"a\"/><node id=\"g\"><graph><node id=\"b\"/></graph></node><edge source=\"a\" target=\"g\"/></graph></graphml>",
            "is a group",
        ),
    ];
    for (text, want) in cases {
        let e = parse(text).unwrap_err().to_string();
        assert!(e.contains(want), "{text}: {e}");
    }
    let many = "<graphml><graph><node id=\"a\"/><node id=\"b\"/></graph></graphml>";
    let limits = Limits {
        max_nodes: 1,
        ..Limits::default()
    };
    assert!(matches!(
        parse_with(many, &limits),
        Err(Error::InputTooLarge { .. })
    ));
}
