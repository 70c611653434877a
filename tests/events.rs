//! Events through the public API: a composed two-outlet story (tests/events/) whose reports
//! of one strike must merge, and the seeds' timeline.

use storyscope::model::{Event, PublishedSource};
use storyscope::{extract, Input, Metadata, Published};

fn input(id: &str, content: &str, published: &str) -> Input {
    Input {
        id: id.to_string(),
        name: format!("{id}.txt"),
        content: content.to_string(),
        format: None,
        known: Metadata {
            published: Some(Published { stamp: published.parse().expect("a date"), source: PublishedSource::Flag }),
            ..Metadata::default()
        },
    }
}

fn on<'a>(events: &'a [Event], date: &str) -> Vec<&'a Event> {
    events.iter().filter(|e| e.dates.iter().any(|d| d == date)).collect()
}

#[test]
fn reports_of_one_event_merge_and_keep_their_dates() {
    let inputs = [
        input("wire_a", include_str!("events/wire_a.txt"), "2018-05-16"),
        input("wire_b", include_str!("events/wire_b.txt"), "2018-05-16"),
    ];
    let events = extract(&inputs).extraction.events;
    // "on Tuesday" (2018-05-15, DCT Wednesday) and "on May 15" are one end of the strike.
    let ended = on(&events, "2018-05-15");
    assert_eq!(ended.len(), 1, "{events:#?}");
    assert_eq!(ended[0].docs, ["wire_a", "wire_b"]);
    assert_eq!(ended[0].mentions.len(), 2);
    assert!(ended[0].entity_names.iter().any(|n| n.contains("Jansen")), "{:?}", ended[0].entity_names);
    // The start: "May 2" in one report, "early May" in the other: one event, both dates shown.
    let began = on(&events, "2018-05-02");
    assert_eq!(began.len(), 1, "{events:#?}");
    assert_eq!(began[0].date, "2018-05-02");
    assert_eq!((began[0].start.as_str(), began[0].end.as_str()), ("2018-05-02", "2018-05-02"));
    assert_eq!(began[0].dates, ["2018-05-02", "2018-05"]);
    assert_eq!(began[0].docs, ["wire_a", "wire_b"]);
    // The coming vote is a week-long range; "every day" (a set) and "two weeks" (a duration)
    // make no events; the 1990s are a decade-long one.
    let vote = on(&events, "2018-W21");
    assert_eq!(vote.len(), 1);
    assert_eq!((vote[0].start.as_str(), vote[0].end.as_str()), ("2018-05-21", "2018-05-27"));
    assert!(events.iter().all(|e| !e.date.starts_with('P') && !e.date.ends_with("_REF")));
    let nineties = on(&events, "199");
    assert_eq!((nineties[0].start.as_str(), nineties[0].end.as_str()), ("1990-01-01", "1999-12-31"));
    // Ids follow date order.
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let expected: Vec<String> = (0..events.len()).map(|i| format!("ev{i}")).collect();
    assert_eq!(ids, expected);
    assert!(events.windows(2).all(|w| w[0].start <= w[1].start));
}

#[test]
fn seed_timeline_spans_2008_to_2012() {
    let events = extract(&storyscope::seeds::inputs()).extraction.events;
    let years: std::collections::BTreeSet<&str> = events.iter().map(|e| &e.start[..4]).collect();
    // "the 1984 election" names an election; it does not date the trip its clause tells of.
    assert_eq!(years.into_iter().collect::<Vec<_>>(), ["2008", "2009", "2012"]);
    // The Geneva meeting on Friday is reported by two seeds: one event, two sources.
    let friday = on(&events, "2009-03-06");
    assert_eq!(friday.len(), 1);
    assert_eq!(friday[0].docs.len(), 2);
    // Gates' "a year ago" is 2008, anchored to the day he spoke.
    assert_eq!(on(&events, "2008").len(), 1);
    // The April 2 London meeting: "next month" in one seed, "April 2" in another.
    let london = on(&events, "2009-04-02");
    assert_eq!(london.len(), 1);
    assert!(london[0].dates.contains(&"2009-04".to_string()));
    assert!(london[0].entity_names.iter().any(|n| n == "London"));
}

#[test]
fn clauses_with_a_predicate_make_events_and_undated_ones_say_so() {
    let story = "Storm hits coast\n\nBy Jane Roe\n\nThe storm, the worst since March 3, 2009, reached the coast \
                 on Monday, officials said. Power was restored two days later. American officials said Monday.\n\n\
                 The mayor met residents on Nov. 28 and toured the shelters on Nov. 28 with aides.\n";
    let undated = Input {
        id: "storm".to_string(),
        name: "storm.txt".to_string(),
        content: story.to_string(),
        format: None,
        known: Metadata::default(),
    };
    let events = extract(&[undated]).extraction.events;
    // The attribution line joins the event its date gives; it is no event of its own.
    let monday = on(&events, "2009-03-02");
    assert_eq!(monday.len(), 1, "{events:#?}");
    assert!(events.iter().all(|e| !e.summary.starts_with("American officials said")), "{events:#?}");
    // The byline makes no event.
    assert!(events.iter().all(|e| !e.summary.contains("Jane Roe")), "{events:#?}");
    // One date twice in a sentence is one event with one mention.
    let nov = on(&events, "2008-11-28");
    assert_eq!((nov.len(), nov[0].mentions.len()), (1, 1), "{events:#?}");
    // Without a publication date the story still has a timeline: relative dates resolve
    // against the date inferred from its text and say so; absolute ones are sure.
    assert!(monday[0].inferred && on(&events, "2009-03-04")[0].inferred, "{events:#?}");
    assert!(!on(&events, "2009-03-03")[0].inferred, "{events:#?}");
}
