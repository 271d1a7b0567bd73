"""What a question asks is read from its form as well as its meaning (classify.py, the character probe)."""

from __future__ import annotations

import pytest

from assistant.understand.query import Asked


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("工人辞职的话，要提前几天跟厂里说？", Asked.duration),
        ("工人辞职的话，工资多久结一次？", Asked.frequency),
        ("工人辞职的话，厂里要给多少钱补偿？", Asked.amount),
        ("工人辞职的话，手续找哪个部门办？", Asked.unit),
        # a situation first: the dense probe alone read these as yes/no and as a duration
        ("我在饭店当服务员，不想干了，得提前几天跟老板说？", Asked.duration),
        ("签了三年合同，公司说试用期半年，这样行吗？", Asked.yesno),
    ],
)
def test_one_topic_asked_four_ways_gets_four_kinds(policy_assistant, message: str, kind: Asked) -> None:
    assert policy_assistant.understander().understand(message).asked is kind


def test_the_character_probe_weighs_only_with_the_text() -> None:
    """Without the text the probe is the dense one alone; with it, the form's share moves the scores."""
    import numpy as np

    from assistant.understand.classify import ExampleClassifier

    examples = {"duration": ["要几天", "多长时间", "几个月"], "amount": ["多少钱", "几块钱", "多少元"]}

    def flat(texts):  # every text the same vector: the dense probe cannot tell them apart
        return np.ones((len(texts), 4)) / 2.0

    probe = ExampleClassifier(examples, flat, form_share=0.5)
    vector = flat(["x"])[0]
    assert probe.scores(vector).labels[0][1] == pytest.approx(0.5)
    assert probe.scores(vector, "补偿多少钱").best == "amount"
    assert probe.scores(vector, "要等几天").best == "duration"


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("团里就业服务站的电话能给我一个吗？", Asked.contact),
        ("职业技能鉴定中心搬家了吗，现在地址是哪里？", Asked.contact),
        ("申请就业见习补贴要去哪个部门办？", Asked.unit),  # where to apply: a unit, not an address
        ("学徒补贴一年能补多少钱？", Asked.amount),
    ],
)
def test_how_to_reach_someone_is_read_by_its_own_probe(policy_assistant, message: str, kind: Asked) -> None:
    assert policy_assistant.understander().understand(message).asked is kind


def test_the_contact_probe_leaves_the_asked_kinds_alone_below_its_share() -> None:
    from assistant.understand.understander import with_contact

    labels = (("unit", 0.6), ("howto", 0.4))
    assert with_contact(labels, 0.3) == labels
    read = with_contact(labels, 0.8)
    assert read[0] == ("contact", 0.8) and [label for label, _ in read[1:]] == ["unit", "howto"]
    assert abs(sum(p for _, p in read) - 1.0) < 1e-9
