"""What the demo workspace contains: a CIO's first month at a manufacturing group.

Pure data, read by `demo.py`. Dates are Day numbers (Day 1 = the CIO's start
date), so the story moves with the `today` the demo is built for; plan months
count from the start date as in the plan itself. Money is in whole yuan here
and stored in fen. People, meetings, insights and initiatives are referred to
by short keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from cio_desk.store.enums import (
    AssessmentKind,
    BossConversationKind,
    CostCategory,
    CostRecurrence,
    InitiativeStatus,
    InsightKind,
    MeetingSetting,
    MeetingStatus,
    RiskCategory,
    RiskResponse,
    RiskStatus,
    SituationType,
    StakeholderKind,
    Stance,
    TopicCategory,
    TopicStatus,
)

# Day N of the first month that the demo's `today` falls on.
TODAY_DAY = 18

CIO_NAME = "Lin Yue"
ORGANISATION = "Tianheng Precision Manufacturing Group"
ROLE_TITLE = "Chief Information Officer"

# ---------------------------------------------------------------- the shapes of the data

# Short names for the tables below.
Kind = StakeholderKind
Setting = MeetingSetting
Status = MeetingStatus
Ins = InsightKind
Cost = CostCategory
PER_YEAR = CostRecurrence.PER_YEAR


@dataclass(frozen=True)
class PersonSpec:
    """A stakeholder; `reports_to` is another person's key."""

    key: str
    name: str
    title: str
    unit: str
    kind: StakeholderKind
    influence: int
    interest: int
    stance: Stance
    target: Stance | None = None
    reports_to: str | None = None
    is_manager: bool = False
    cadence_days: int | None = None
    tags: tuple[str, ...] = ()
    email: str = ""
    notes: str = ""
    archived: bool = False


@dataclass(frozen=True)
class MeetingSpec:
    """A meeting on Day `day` at `start` ("HH:MM"), lasting `minutes`."""

    key: str
    day: int
    start: str
    minutes: int
    attendees: tuple[str, ...]
    setting: MeetingSetting
    status: MeetingStatus
    title: str
    location: str = ""
    agenda: str = ""
    notes: str = ""
    confidential_notes: bool = False
    sentiment: int | None = None
    thanked: bool = False
    # The three purposes of every meeting: relationship, learning, showing values.
    purposes: tuple[bool, bool, bool] = (True, True, True)


@dataclass(frozen=True)
class InsightSpec:
    key: str
    meeting: str
    person: str
    kind: InsightKind
    text: str
    themes: tuple[str, ...] = ()
    confidential: bool = False
    referred: str | None = None  # a person's key, for a referral to someone in the register
    referred_name: str = ""  # for a referral to someone not in the register


@dataclass(frozen=True)
class FollowUpSpec:
    meeting: str
    person: str
    text: str
    due_day: int
    owner: str = CIO_NAME
    quick_win: bool = False
    done_day: int | None = None


@dataclass(frozen=True)
class StanceSpec:
    person: str
    day: int
    stance: Stance
    note: str


@dataclass(frozen=True)
class TopicSpec:
    title: str
    category: TopicCategory
    status: TopicStatus
    people: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class BossSpec:
    kind: BossConversationKind
    held_day: int | None
    notes: str


@dataclass(frozen=True)
class AssessmentSpec:
    kind: AssessmentKind
    text: str
    unit: str
    insights: tuple[str, ...]


@dataclass(frozen=True)
class UnitSpec:
    unit: str
    situation: SituationType
    note: str


@dataclass(frozen=True)
class GoalSpec:
    key: str
    title: str
    description: str


@dataclass(frozen=True)
class CostSpec:
    category: CostCategory
    yuan: int
    vendor: str = ""
    note: str = ""
    recurrence: CostRecurrence = CostRecurrence.ONE_OFF


@dataclass(frozen=True)
class InitiativeSpec:
    """An initiative; its payments add up to its one-off costs."""

    key: str
    title: str
    horizon: int
    start_month: int
    end_month: int
    owner: str
    status: InitiativeStatus
    description: str
    business_value: str
    goals: tuple[str, ...]
    insights: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()
    costs: tuple[CostSpec, ...] = ()
    payments: tuple[tuple[int, int, str], ...] = ()  # (month, yuan, note)
    milestones: tuple[tuple[int, str], ...] = ()  # (month, title)
    cfo_confirmed: bool = False


@dataclass(frozen=True)
class MeasureSpec:
    name: str
    unit: str
    baseline: float | None
    target: float
    horizon: int
    initiative: str | None = None
    current: float | None = None
    current_day: int | None = None


@dataclass(frozen=True)
class RiskSpec:
    key: str
    title: str
    category: RiskCategory
    cause: str
    effect: str
    inherent: tuple[int, int]  # (likelihood, impact) before mitigation
    residual: tuple[int, int]  # (likelihood, impact) after mitigation
    response: RiskResponse
    owner: str
    trigger: str
    mitigation: str
    contingency: str
    horizon: int
    status: RiskStatus
    review_day: int
    initiatives: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContingencySpec:
    trigger: str
    response: str
    owner: str
    horizon: int
    risk: str | None = None
    initiative: str | None = None


@dataclass(frozen=True)
class NextStepSpec:
    horizon: int
    text: str
    owner: str
    due_day: int
    done: bool = False


# The tables below are laid out by hand, one record per block: the formatter
# would put every field of every record on a line of its own.
# fmt: off

# ---------------------------------------------------------------- people

MAIL = "tianheng-group.example"

PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec(
        "ceo", "Zhou Jianguo 周建国", "Chief Executive Officer", "Group executive office",
        Kind.EXECUTIVE, 5, 4, Stance.SUPPORTER, Stance.CHAMPION, is_manager=True,
        cadence_days=7, tags=("sponsor", "steering group"), email=f"zhou.jianguo@{MAIL}",
        notes="Hired me to fix delivery performance. Wants short written notes, no acronyms.",
    ),
    PersonSpec(
        "wang", "Wang Shuhua 王淑华", "Chair of the board", "Board of directors",
        Kind.BOARD, 5, 2, Stance.NEUTRAL, Stance.SUPPORTER, tags=("board",),
        notes="Founder's daughter; chairs the investment committee.",
    ),
    PersonSpec(
        "lam", "Peter Lam 林柏德", "Independent director, audit committee chair",
        "Board of directors", Kind.BOARD, 4, 3, Stance.NEUTRAL, Stance.SUPPORTER,
        tags=("board", "security"), notes="Former Big Four partner in Hong Kong.",
    ),
    PersonSpec(
        "liu", "Liu Fang 刘芳", "Chief Financial Officer", "Finance", Kind.EXECUTIVE, 5, 4,
        Stance.SCEPTIC, Stance.SUPPORTER, reports_to="ceo", cadence_days=14,
        tags=("budget", "steering group"), email=f"liu.fang@{MAIL}",
    ),
    PersonSpec(
        "zhang", "Zhang Wei 张伟", "Chief Operating Officer", "Production", Kind.EXECUTIVE, 5, 5,
        Stance.CHAMPION, reports_to="ceo", cadence_days=14,
        tags=("production capacity", "sponsor", "steering group"), email=f"zhang.wei@{MAIL}",
    ),
    PersonSpec(
        "chen", "Chen Hao 陈浩", "Vice President, Sales", "Sales", Kind.BUSINESS_LEADER, 4, 3,
        Stance.NEUTRAL, Stance.SUPPORTER, reports_to="ceo", tags=("customer",),
        notes="Owns the Nordwerk account; travels half the month.",
    ),
    PersonSpec(
        "sun", "Sun Li 孙丽", "HR Director", "Human resources", Kind.BUSINESS_LEADER, 3, 2,
        Stance.SUPPORTER, reports_to="ceo", tags=("talent",),
    ),
    PersonSpec(
        "huang", "Huang Lei 黄磊", "Director, Supply Chain", "Supply chain", Kind.BUSINESS_LEADER,
        4, 4, Stance.BLOCKER, Stance.NEUTRAL, reports_to="zhang", tags=("ERP", "supply chain"),
        notes="Built the ERP's order-allocation rules with the vendor in 2019.",
    ),
    PersonSpec(
        "ma", "Ma Jun 马骏", "Quality Director", "Quality", Kind.BUSINESS_LEADER, 3, 4,
        Stance.SUPPORTER, reports_to="zhang", tags=("traceability",),
    ),
    PersonSpec(
        "xu", "Xu Gang 徐刚", "Plant Manager, Changzhou", "Production", Kind.BUSINESS_LEADER, 3, 5,
        Stance.SCEPTIC, Stance.SUPPORTER, reports_to="zhang",
        tags=("Changzhou", "production capacity"),
    ),
    PersonSpec(
        "zhao", "Zhao Min 赵敏", "Group Financial Controller", "Finance", Kind.BUSINESS_LEADER,
        2, 3, Stance.SCEPTIC, reports_to="liu", tags=("month-end close",),
    ),
    PersonSpec(
        "yang", "Yang Fan 杨帆", "IT Infrastructure Manager", "IT", Kind.IT_TEAM, 2, 5,
        Stance.SUPPORTER, tags=("IT team", "security"), notes="Reports to me.",
    ),
    PersonSpec(
        "deng", "Deng Xiaoyu 邓晓宇", "ERP Applications Lead", "IT", Kind.IT_TEAM, 2, 4,
        Stance.NEUTRAL, Stance.SUPPORTER, tags=("ERP", "IT team", "key person"),
        notes="Reports to me. The only one who knows the allocation customisation.",
    ),
    PersonSpec(
        "qian", "Qian Hong 钱宏", "Former acting head of IT", "IT", Kind.IT_TEAM, 1, 2,
        Stance.NEUTRAL, tags=("IT team",), archived=True,
        notes="Handed over in week 1 and left to join a supplier.",
    ),
    PersonSpec(
        "kevin", "Kevin Wu 吴凯文", "Account Director", "Dingsheng Software (ERP vendor)",
        Kind.VENDOR, 3, 4, Stance.SUPPORTER, tags=("ERP", "vendor"),
    ),
    PersonSpec(
        "grace", "Grace Lin 林佳慧", "Partner, manufacturing practice",
        "Kaiyuan Consulting (implementation partner)", Kind.PARTNER, 2, 3, Stance.NEUTRAL,
        tags=("shop floor",),
    ),
    PersonSpec(
        "he", "He Jing 何静", "Relationship Manager", "Taihu Commercial Bank", Kind.PARTNER, 1, 2,
        Stance.SUPPORTER, tags=("bank",),
    ),
    PersonSpec(
        "weber", "Markus Weber", "Head of Supplier Quality, Asia",
        "Nordwerk Automotive (key customer)", Kind.CUSTOMER, 4, 3, Stance.SCEPTIC,
        Stance.SUPPORTER, cadence_days=30, tags=("customer", "security"),
        email="markus.weber@nordwerk.example",
    ),
    PersonSpec(
        "guo", "Guo Ping 郭平", "Section Chief, data security",
        "Suzhou Municipal Cybersecurity Office", Kind.REGULATOR, 3, 1, Stance.NEUTRAL,
        tags=("security", "compliance"),
    ),
    PersonSpec(
        "catherine", "Catherine Zhao 赵静怡", "Chief Information Officer",
        "Ruifeng Auto Parts (peer CIO)", Kind.PEER, 2, 3, Stance.CHAMPION, cadence_days=30,
        tags=("mentor", "reviewer"), notes="Former colleague; agreed to review my plan.",
    ),
)

# ---------------------------------------------------------------- meetings

HQ = "Suzhou HQ"

MEETINGS: tuple[MeetingSpec, ...] = (
    MeetingSpec(
        "ceo_first", 1, "09:30", 60, ("ceo",), Setting.OFFICE, Status.HELD,
        "First morning with Zhou Jianguo", f"{HQ}, CEO's office",
        notes="Warm welcome. Delivery performance first; a written plan by Day 30. "
        "Friday notes, one page, no acronyms.",
        sentiment=2, thanked=True,
    ),
    MeetingSpec(
        "it_team", 1, "14:00", 90, ("yang", "deng", "qian"), Setting.OFFICE, Status.HELD,
        "IT team: introductions and how we will work", f"{HQ}, IT office, 3F",
        notes="Six people for three plants. Morale low after two resignations last year. "
        "Qian Hong leaves next week for a supplier.",
        confidential_notes=True, sentiment=1, thanked=True,
    ),
    MeetingSpec(
        "hr_coffee", 2, "08:30", 45, ("sun",), Setting.COFFEE, Status.HELD,
        "Coffee with Sun Li", f"{HQ}, ground-floor café",
        sentiment=1, thanked=True, purposes=(True, True, False),
    ),
    MeetingSpec(
        "coo_lunch", 3, "12:00", 90, ("zhang",), Setting.LUNCH, Status.HELD,
        "Lunch with Zhang Wei", f"{HQ}, staff canteen",
        notes="Capacity is the pain: orders exceed what Changzhou can make. He will sponsor "
        "a shop-floor pilot if it does not disturb production.",
        sentiment=2, thanked=True,
    ),
    MeetingSpec(
        "cfo", 4, "10:00", 60, ("liu",), Setting.OFFICE, Status.HELD,
        "Liu Fang: finance and IT spend", f"{HQ}, CFO's office",
        notes="Guarded. Still bruised by the 2021 ERP upgrade overrun. Wants numbers, "
        "not promises.",
        confidential_notes=True, sentiment=-1, thanked=True,
    ),
    MeetingSpec(
        "peer", 5, "19:00", 60, ("catherine",), Setting.VIDEO, Status.HELD,
        "Catherine Zhao, peer CIO at Ruifeng", "",
        sentiment=2, thanked=True, purposes=(True, True, False),
    ),
    MeetingSpec(
        "sales_cancelled", 6, "15:00", 60, ("chen",), Setting.OFFICE, Status.CANCELLED,
        "Chen Hao: sales priorities", f"{HQ}, Sales, 8F",
        notes="He flew to Stuttgart for an escalation at Nordwerk. Rebooked as a lunch on Day 20.",
    ),
    MeetingSpec(
        "scm", 8, "09:00", 60, ("huang",), Setting.OFFICE, Status.HELD,
        "Huang Lei: supply chain", f"{HQ}, Supply chain, 6F",
        notes="Cold. Defended the allocation rules line by line. Try an informal setting "
        "next time and listen first.",
        confidential_notes=True, sentiment=-2, thanked=True, purposes=(True, True, False),
    ),
    MeetingSpec(
        "changzhou", 9, "08:30", 450, ("zhang", "xu"), Setting.SITE_VISIT, Status.HELD,
        "Changzhou plant walk", "Changzhou plant, halls A and B",
        notes="Two CNC lines are the bottleneck. Schedules on paper by the machines. "
        "Quality tablets unusable in hall B: no Wi-Fi.",
        sentiment=1, thanked=True,
    ),
    MeetingSpec(
        "quality_trip", 10, "07:40", 170, ("ma",), Setting.TRAVEL, Status.HELD,
        "Flight to the Chongqing plant with Ma Jun", "Flight Shanghai Hongqiao to Chongqing",
        sentiment=1, thanked=True,
    ),
    MeetingSpec(
        "board_dinner", 11, "18:30", 150, ("wang", "ceo"), Setting.DINNER, Status.HELD,
        "Dinner with Wang Shuhua and Zhou Jianguo", "Jade Garden restaurant, Suzhou",
        notes="The chair asked twice about ransomware. She reads one page, not fifty.",
        confidential_notes=True, sentiment=1, thanked=True,
    ),
    MeetingSpec(
        "controller", 12, "10:00", 60, ("zhao",), Setting.OFFICE, Status.HELD,
        "Zhao Min: the month-end close", f"{HQ}, Finance, 7F",
        sentiment=-1, thanked=True,
    ),
    MeetingSpec(
        "vendor", 12, "15:00", 90, ("kevin",), Setting.OFFICE, Status.HELD,
        "Dingsheng Software: account review", f"{HQ}, meeting room 5",
        notes="Pushing the cloud edition with a quarter-end discount. Asked for a "
        "line-by-line quote instead.",
        confidential_notes=True, sentiment=0, purposes=(False, True, True),
    ),
    MeetingSpec(
        "board_cancelled", 13, "08:00", 45, ("lam",), Setting.COFFEE, Status.CANCELLED,
        "Coffee with Peter Lam", "Hotel lobby, Suzhou Industrial Park",
        notes="His flight from Hong Kong was delayed. Moved to a video call on Day 22.",
    ),
    MeetingSpec(
        "customer", 13, "16:00", 60, ("weber",), Setting.VIDEO, Status.HELD,
        "Nordwerk: supplier IT review", "",
        notes="Polite but firm: the lost order messages cost them premium freight.",
        sentiment=-1, thanked=True,
    ),
    MeetingSpec(
        "erp_coffee", 14, "15:30", 45, ("deng",), Setting.COFFEE, Status.HELD,
        "Coffee with Deng Xiaoyu", f"{HQ}, ground-floor café",
        sentiment=1, thanked=True,
    ),
    MeetingSpec(
        "regulator_no_show", 15, "10:00", 60, ("guo",), Setting.OFFICE, Status.NO_SHOW,
        "Guo Ping: data-security filing", "Suzhou Municipal Cybersecurity Office",
        notes="He was called away to an inspection. His office offered Day 24.",
    ),
    MeetingSpec(
        "bank", 15, "12:00", 90, ("he",), Setting.LUNCH, Status.HELD,
        "Lunch with He Jing", "Taihu Commercial Bank, Suzhou branch",
        sentiment=1, purposes=(True, True, False),
    ),
    MeetingSpec(
        "ceo_weekly", 16, "17:00", 45, ("ceo",), Setting.OFFICE, Status.HELD,
        "Weekly with Zhou Jianguo", f"{HQ}, CEO's office",
        notes="Shared the first themes: capacity, cost, security. He wants a steering group.",
        sentiment=1,
    ),
    MeetingSpec(
        "partner", 17, "14:00", 60, ("grace",), Setting.COFFEE, Status.PLANNED,
        "Coffee with Grace Lin, Kaiyuan Consulting", "Café near Suzhou Industrial Park station",
        agenda="Their shop-floor projects at other automotive suppliers; who led them; "
        "what went wrong.",
    ),
    MeetingSpec(
        "server_room", TODAY_DAY, "10:00", 60, ("yang",), Setting.SITE_VISIT, Status.PLANNED,
        "Server room walk-through with Yang Fan", f"{HQ}, server room, B1",
        agenda="Where the ERP's backups really go; what a restore would take.",
    ),
    MeetingSpec(
        "scm_coffee", TODAY_DAY, "16:30", 45, ("huang",), Setting.COFFEE, Status.PLANNED,
        "Second conversation with Huang Lei", "Tea house by Jinji Lake",
        agenda="Listen first: what would make allocation easier for his team? "
        "Bring the two supplier-portal options.",
    ),
    MeetingSpec(
        "peer_review", 19, "19:00", 60, ("catherine",), Setting.VIDEO, Status.PLANNED,
        "Catherine Zhao reviews the plan outline", "",
        agenda="Walk through the 6/12/24-month outline; ask what a CEO would push back on.",
    ),
    MeetingSpec(
        "sales_lunch", 20, "12:00", 90, ("chen",), Setting.LUNCH, Status.PLANNED,
        "Lunch with Chen Hao", "Noodle house, Shiquan Street",
        agenda="Nordwerk escalation; how orders reach us; what sales needs from IT.",
    ),
    MeetingSpec(
        "board_video", 22, "09:00", 45, ("lam",), Setting.VIDEO, Status.PLANNED,
        "Peter Lam: the audit committee's view of IT risk", "",
        agenda="What the audit committee expects on security and recovery.",
    ),
    MeetingSpec(
        "regulator", 24, "10:00", 60, ("guo",), Setting.OFFICE, Status.PLANNED,
        "Guo Ping: data-security filing", "Suzhou Municipal Cybersecurity Office",
        agenda="Our classification filing and the timetable for the next review.",
    ),
    MeetingSpec(
        "steering", 26, "14:00", 120, ("ceo", "liu", "zhang", "chen", "sun"), Setting.OFFICE,
        Status.PLANNED, "Steering group: first look at the transition plan",
        f"{HQ}, board room, 12F",
        agenda="Terms of reference; the three horizons; budget envelope for the first six months.",
    ),
    MeetingSpec(
        "ceo_plan", 29, "17:00", 60, ("ceo",), Setting.OFFICE, Status.PLANNED,
        "Zhou Jianguo: the plan and the resources it needs", f"{HQ}, CEO's office",
        agenda="Final draft of the plan; the security engineer hire; budget for months 1-6.",
    ),
)

# ---------------------------------------------------------------- insights

INSIGHTS: tuple[InsightSpec, ...] = (
    InsightSpec(
        "ceo_goal", "ceo_first", "ceo", Ins.GOAL,
        "On-time delivery back above 95% before the Nordwerk contract renewal; judge IT by "
        "that, not by projects finished.", ("customer", "production capacity"),
    ),
    InsightSpec(
        "ceo_concern", "ceo_first", "ceo", Ins.CONCERN,
        "IT spend keeps rising (about 1.4% of revenue) and the board cannot see what it buys.",
        ("cost",),
    ),
    InsightSpec(
        "ceo_referral", "ceo_first", "ceo", Ins.REFERRAL,
        "See the chair before the next board meeting: she chairs the investment committee.",
        ("governance",), referred="wang",
    ),
    InsightSpec(
        "it_concern", "it_team", "yang", Ins.CONCERN,
        "Two of the six IT staff are interviewing elsewhere; pay sits well below the Suzhou "
        "market.", ("talent",), confidential=True,
    ),
    InsightSpec(
        "it_proposal", "it_team", "deng", Ins.PROPOSAL,
        "Retire the custom order-allocation module: it breaks at every ERP upgrade.", ("ERP",),
    ),
    InsightSpec(
        "hr_goal", "hr_coffee", "sun", Ins.GOAL,
        "Electronic attendance and payroll for the 3,800 plant workers by year end.",
        ("talent",),
    ),
    InsightSpec(
        "hr_help", "hr_coffee", "sun", Ins.HOW_TO_HELP,
        "Involve HR early in any system change, not after the decision: she wants a seat in "
        "the steering group.", ("change", "governance"),
    ),
    InsightSpec(
        "coo_goal", "coo_lunch", "zhang", Ins.GOAL,
        "Raise Changzhou's output by 20% without building a new line.", ("production capacity",),
    ),
    InsightSpec(
        "coo_proposal", "coo_lunch", "zhang", Ins.PROPOSAL,
        "Put a shop-floor system on the two bottleneck CNC lines first, not on every plant "
        "at once.", ("production capacity",),
    ),
    InsightSpec(
        "coo_concern", "coo_lunch", "zhang", Ins.CONCERN,
        "The production schedule is rebuilt by hand in spreadsheets every night; one planner "
        "holds it in his head.", ("production capacity", "talent"),
    ),
    InsightSpec(
        "coo_referral", "coo_lunch", "zhang", Ins.REFERRAL,
        "Meet Huang Lei early: every material shortage runs through him.", ("supply chain",),
        referred="huang",
    ),
    InsightSpec(
        "coo_referral_planner", "coo_lunch", "zhang", Ins.REFERRAL,
        "Spend a night shift with the Changzhou scheduler who builds the plan by hand.",
        ("production capacity",), referred_name="Wu Jianping 吴建平",
    ),
    InsightSpec(
        "cfo_concern", "cfo", "liu", Ins.CONCERN,
        "The 2021 ERP upgrade ran 40% over budget and she took the blame at the board. She "
        "will not sign another IT contract without a line-by-line budget.", ("ERP", "cost"),
        confidential=True,
    ),
    InsightSpec(
        "cfo_goal", "cfo", "liu", Ins.GOAL,
        "Close the books in 5 working days instead of 9.", ("cost",),
    ),
    InsightSpec(
        "cfo_help", "cfo", "liu", Ins.HOW_TO_HELP,
        "Bring every IT cost to her before choosing a vendor, split into licence, "
        "implementation, customisation and maintenance, with the payment schedule.", ("cost",),
    ),
    InsightSpec(
        "cfo_referral", "cfo", "liu", Ins.REFERRAL,
        "Zhao Min knows where the manual reconciliations are.", ("cost",), referred="zhao",
    ),
    InsightSpec(
        "peer_proposal", "peer", "catherine", Ins.PROPOSAL,
        "Renegotiate the maintenance contracts before buying anything new; Ruifeng saved 18%.",
        ("cost",),
    ),
    InsightSpec(
        "peer_help", "peer", "catherine", Ins.HOW_TO_HELP,
        "She will read the draft plan as an outside reviewer before it goes to the CEO.",
        ("governance",),
    ),
    InsightSpec(
        "peer_referral_board", "peer", "catherine", Ins.REFERRAL,
        "Peter Lam will ask the hardest questions on security: see him before the plan goes "
        "to the board.", ("security",), referred="lam",
    ),
    InsightSpec(
        "peer_referral_professor", "peer", "catherine", Ins.REFERRAL,
        "A professor at Soochow University who has studied shop-floor systems in 30 plants.",
        ("production capacity",), referred_name="Professor Tang Wei 唐巍",
    ),
    InsightSpec(
        "scm_concern", "scm", "huang", Ins.CONCERN,
        "Sees a new ERP as a threat to his team's control of the allocation rules; hinted he "
        "would wait this CIO out.", ("ERP", "change"), confidential=True,
    ),
    InsightSpec(
        "scm_goal", "scm", "huang", Ins.GOAL,
        "Stop the raw-material shortages that stopped the Changzhou lines 11 times last quarter.",
        ("supply chain", "production capacity"),
    ),
    InsightSpec(
        "scm_proposal", "scm", "huang", Ins.PROPOSAL,
        "Let key suppliers see our forecast in a portal instead of e-mailed spreadsheets.",
        ("supply chain",),
    ),
    InsightSpec(
        "plant_concern", "changzhou", "xu", Ins.CONCERN,
        "Operators distrust new screens: the last tablet trial was dropped after two weeks "
        "because nobody was trained.", ("change",),
    ),
    InsightSpec(
        "plant_goal", "changzhou", "xu", Ins.GOAL,
        "Know machine downtime by cause, per shift, without walking the floor.",
        ("production capacity",),
    ),
    InsightSpec(
        "plant_help", "changzhou", "xu", Ins.HOW_TO_HELP,
        "Fix the Wi-Fi dead zones in hall B so the quality tablets work: small, visible, and "
        "it wins the shift leaders.", ("production capacity",),
    ),
    InsightSpec(
        "coo_help", "changzhou", "zhang", Ins.HOW_TO_HELP,
        "Give him figures he can show the CEO: output per shift, not system features.",
        ("production capacity",),
    ),
    InsightSpec(
        "qa_goal", "quality_trip", "ma", Ins.GOAL,
        "Trace every lot from steel coil to shipped part, as Nordwerk requires from next year.",
        ("customer", "data quality"),
    ),
    InsightSpec(
        "qa_concern", "quality_trip", "ma", Ins.CONCERN,
        "Quality records at Chongqing are on paper; a customer audit takes three people a week.",
        ("data quality",),
    ),
    InsightSpec(
        "chair_concern", "board_dinner", "wang", Ins.CONCERN,
        "After a peer company's ransomware attack she asks whether we would survive a week "
        "without the ERP. The board is nervous.", ("security",), confidential=True,
    ),
    InsightSpec(
        "chair_goal", "board_dinner", "wang", Ins.GOAL,
        "One page each quarter that the board can read: IT spend against results.",
        ("cost", "governance"),
    ),
    InsightSpec(
        "ctrl_concern", "controller", "zhao", Ins.CONCERN,
        "Her team re-keys every sales invoice from the ERP into the tax system; errors pile "
        "up at month end.", ("ERP", "data quality"),
    ),
    InsightSpec(
        "ctrl_help", "controller", "zhao", Ins.HOW_TO_HELP,
        "Her clerks fear automation will cost them their jobs; say plainly that nobody loses "
        "a job over a system.", ("change",), confidential=True,
    ),
    InsightSpec(
        "vendor_proposal", "vendor", "kevin", Ins.PROPOSAL,
        "Move to the vendor's cloud edition; 30% off licences if signed this quarter.",
        ("ERP", "cost"),
    ),
    InsightSpec(
        "vendor_concern", "vendor", "kevin", Ins.CONCERN,
        "Admitted the allocation customisation cannot be carried to the new version: a "
        "rewrite at our cost.", ("ERP",), confidential=True,
    ),
    InsightSpec(
        "customer_concern", "customer", "weber", Ins.CONCERN,
        "Three delivery-schedule messages were lost last quarter and cost Nordwerk premium "
        "freight; wants it fixed before the contract review.", ("customer",),
    ),
    InsightSpec(
        "customer_goal", "customer", "weber", Ins.GOAL,
        "Every supplier passes Nordwerk's information-security assessment by next autumn.",
        ("customer", "security"),
    ),
    InsightSpec(
        "customer_referral", "customer", "weber", Ins.REFERRAL,
        "Nordwerk China's IT security lead, who runs the supplier assessments.", ("security",),
        referred_name="Li Na 李娜",
    ),
    InsightSpec(
        "erp_concern", "erp_coffee", "deng", Ins.CONCERN,
        "He alone understands the allocation customisation and none of it is documented.",
        ("ERP", "talent"),
    ),
    InsightSpec(
        "erp_goal", "erp_coffee", "deng", Ins.GOAL,
        "Grow from keeping the ERP running into a solution-architect role.", ("talent",),
    ),
    InsightSpec(
        "bank_proposal", "bank", "he", Ins.PROPOSAL,
        "The bank's supply-chain finance could pay our suppliers early once our invoices reach "
        "it directly.", ("cost", "supply chain"),
    ),
    InsightSpec(
        "ceo_expectation", "ceo_weekly", "ceo", Ins.GOAL,
        "A first plan by Day 30, in business language, one page per horizon.", ("governance",),
    ),
    InsightSpec(
        "ceo_proposal", "ceo_weekly", "ceo", Ins.PROPOSAL,
        "An IT steering group he chairs, monthly, with the department heads as members.",
        ("governance",),
    ),
)

# ---------------------------------------------------------------- follow-ups

FOLLOW_UPS: tuple[FollowUpSpec, ...] = (
    FollowUpSpec(
        "ceo_first", "ceo", "Send Zhou Jianguo a one-page note on week 1: who I met, what I heard",
        6, done_day=5,
    ),
    FollowUpSpec(
        "it_team", "qian", "Record Qian Hong's walk-through of the ERP interfaces before he leaves",
        5, owner="Deng Xiaoyu", done_day=4,
    ),
    FollowUpSpec(
        "hr_coffee", "sun", "Invite Sun Li to the session that designs the steering group", 9,
        quick_win=True, done_day=8,
    ),
    FollowUpSpec(
        "coo_lunch", "zhang", "Arrange two reference visits to plants running a shop-floor system",
        15,
    ),
    FollowUpSpec(
        "cfo", "liu", "Send Liu Fang three years of IT spend, broken down by cost line", 11,
        quick_win=True, done_day=10,
    ),
    FollowUpSpec(
        "peer", "catherine", "Send Catherine Zhao the plan outline for an outside review", 19,
    ),
    FollowUpSpec("scm", "huang", "Send Huang Lei two supplier-portal options with costs", 15),
    FollowUpSpec(
        "changzhou", "xu", "Fix the Wi-Fi dead zones in hall B so the quality tablets work", 16,
        owner="Yang Fan", quick_win=True, done_day=14,
    ),
    FollowUpSpec(
        "quality_trip", "ma", "Share Nordwerk's traceability requirements with Ma Jun's team", 13,
        quick_win=True, done_day=13,
    ),
    FollowUpSpec(
        "board_dinner", "wang",
        "Write the board a one-page answer: how long could we run without the ERP?", 25,
    ),
    FollowUpSpec(
        "controller", "zhao",
        "Give Zhao Min's team a checked monthly export of sales invoices to end the re-keying",
        20, owner="Deng Xiaoyu", quick_win=True,
    ),
    FollowUpSpec(
        "vendor", "kevin",
        "Get a line-by-line quote from Dingsheng: licence, implementation, customisation, "
        "maintenance", 19, done_day=16,
    ),
    FollowUpSpec(
        "customer", "weber",
        "Send Markus Weber the root-cause report on the lost delivery-schedule messages", 17,
        owner="Yang Fan", quick_win=True,
    ),
    FollowUpSpec("erp_coffee", "deng", "Book Deng Xiaoyu on a solution-architecture course", 28),
    FollowUpSpec("bank", "he", "Introduce He Jing to Zhao Min about paying suppliers early", 22),
    FollowUpSpec(
        "ceo_weekly", "ceo", "Draft the steering group's terms of reference for Zhou Jianguo", 23,
    ),
)

STANCE_HISTORY: tuple[StanceSpec, ...] = (
    StanceSpec("ceo", 1, Stance.SUPPORTER, "Backs me, but judges by delivery, not by projects."),
    StanceSpec("ceo", 16, Stance.SUPPORTER, "Liked the first themes; wants the steering group."),
    StanceSpec("zhang", 3, Stance.SUPPORTER, "Keen on a shop-floor system, wary of IT promises."),
    StanceSpec("zhang", 9, Stance.CHAMPION, "Walked the lines; offered to sponsor the pilot."),
    StanceSpec("liu", 4, Stance.SCEPTIC, "Guarded; remembers the 2021 overrun."),
    StanceSpec("liu", 16, Stance.SCEPTIC, "Read the cost breakdown and asked good questions."),
    StanceSpec("huang", 8, Stance.BLOCKER, "Defends the allocation rules; may wait me out."),
    StanceSpec("xu", 9, Stance.BLOCKER, "The last tablet trial wasted his shift leaders' time."),
    StanceSpec("xu", 14, Stance.SCEPTIC, "Thanked us for the hall B Wi-Fi; willing to listen."),
    StanceSpec("weber", 13, Stance.SCEPTIC, "Will judge us on the lost messages being fixed."),
)

# ---------------------------------------------------------------- learning agenda and the boss

TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(
        "How a housing is made: from steel coil to shipped part", TopicCategory.BUSINESS,
        TopicStatus.LEARNT, ("zhang", "xu"), ("Changzhou process flow chart",),
        notes="Eight steps; the CNC machining step sets the pace.",
    ),
    TopicSpec(
        "Who our customers are and what they demand of suppliers", TopicCategory.MARKET,
        TopicStatus.IN_PROGRESS, ("chen", "weber"), ("Nordwerk supplier manual, version 7",),
    ),
    TopicSpec(
        "What competitors are doing with shop-floor systems", TopicCategory.MARKET,
        TopicStatus.TO_LEARN, ("catherine",), ("Precision components industry report 2025",),
    ),
    TopicSpec(
        "Why Changzhou loses capacity: line stops, changeovers, shortages",
        TopicCategory.PAIN_POINTS, TopicStatus.IN_PROGRESS, ("xu", "huang"),
        ("Line-stop log, last two quarters",),
        notes="11 stops from material shortages last quarter; changeovers take 3 hours.",
    ),
    TopicSpec(
        "IT spend by cost line over the last three years", TopicCategory.FINANCES,
        TopicStatus.LEARNT, ("liu",), ("IT cost ledger 2022-2024",),
        notes="Maintenance is 42% of the run cost; three contracts renew this year.",
    ),
    TopicSpec(
        "Payment terms in the current IT contracts", TopicCategory.FINANCES,
        TopicStatus.TO_LEARN, ("zhao",), ("Vendor contract register",),
    ),
    TopicSpec(
        "Who decides what: approval limits and the investment committee",
        TopicCategory.ORGANISATION, TopicStatus.IN_PROGRESS, ("wang", "sun"),
        ("Delegation of authority matrix",),
    ),
    TopicSpec(
        "The ERP and its customisations", TopicCategory.SYSTEMS, TopicStatus.IN_PROGRESS,
        ("deng", "kevin"), ("ERP customisation inventory",),
    ),
    TopicSpec(
        "Backups and disaster recovery as they really are", TopicCategory.SYSTEMS,
        TopicStatus.TO_LEARN, ("yang",), ("Disaster-recovery test report 2023",),
    ),
)

BOSS_CONVERSATIONS: tuple[BossSpec, ...] = (
    BossSpec(
        BossConversationKind.SITUATION, 1,
        "He sees IT as a turnaround: high spend, little the board can see, and a customer "
        "losing patience.",
    ),
    BossSpec(
        BossConversationKind.WORKING_STYLE, 11,
        "A one-page note every Friday; bad news early and in person; no acronyms.",
    ),
    BossSpec(
        BossConversationKind.EXPECTATIONS, 16,
        "A plan by Day 30; the customer order feed fixed within three months; a steering "
        "group he chairs.",
    ),
    BossSpec(
        BossConversationKind.RESOURCES, None,
        "For Day 29: budget for months 1-6, the security engineer hire, steering group time.",
    ),
    BossSpec(BossConversationKind.PERSONAL_DEVELOPMENT, None, ""),
)

# ---------------------------------------------------------------- the plan: assessment and goals

ASSESSMENT: tuple[AssessmentSpec, ...] = (
    AssessmentSpec(
        AssessmentKind.STRENGTH,
        "Leadership backs change: the CEO and the COO want IT judged by delivery performance.",
        "", ("ceo_goal", "coo_goal"),
    ),
    AssessmentSpec(
        AssessmentKind.STRENGTH,
        "A small, loyal infrastructure team that knows the plants and acts fast.", "IT",
        ("plant_help",),
    ),
    AssessmentSpec(
        AssessmentKind.WEAKNESS,
        "The ERP carries undocumented customisations that only one person understands.", "IT",
        ("erp_concern", "vendor_concern", "it_proposal"),
    ),
    AssessmentSpec(
        AssessmentKind.WEAKNESS,
        "IT pay sits below the local market; two of six staff may leave.", "IT", ("it_concern",),
    ),
    AssessmentSpec(
        AssessmentKind.PAIN_POINT,
        "Changzhou cannot make what it sells: schedules rebuilt by hand every night and 11 line "
        "stops from material shortages last quarter.", "Production",
        ("coo_concern", "scm_goal", "plant_goal"),
    ),
    AssessmentSpec(
        AssessmentKind.PAIN_POINT,
        "The month-end close takes 9 working days, with invoices typed in twice.", "Finance",
        ("cfo_goal", "ctrl_concern"),
    ),
    AssessmentSpec(
        AssessmentKind.OPPORTUNITY,
        "Three maintenance contracts renew this year: save before spending.", "",
        ("peer_proposal", "ceo_concern"),
    ),
    AssessmentSpec(
        AssessmentKind.OPPORTUNITY,
        "The bank can pay suppliers early once invoices reach it directly.", "Supply chain",
        ("bank_proposal",),
    ),
    AssessmentSpec(
        AssessmentKind.THREAT,
        "The largest customer's security assessment next autumn; failing it puts the contract "
        "at risk.", "Sales", ("customer_goal", "chair_concern"),
    ),
    AssessmentSpec(
        AssessmentKind.THREAT,
        "Lost order messages have already cost the customer premium freight.", "Sales",
        ("customer_concern",),
    ),
)

UNIT_SITUATIONS: tuple[UnitSpec, ...] = (
    UnitSpec(
        "Production", SituationType.ACCELERATED_GROWTH,
        "Orders exceed capacity; the constraint is scheduling, not machines.",
    ),
    UnitSpec(
        "Chongqing plant", SituationType.START_UP,
        "Opened last year; paper records, no local IT staff.",
    ),
    UnitSpec(
        "Supply chain", SituationType.TURNAROUND,
        "Shortages stop lines; rules live in one team's heads.",
    ),
    UnitSpec("Finance", SituationType.REALIGNMENT, "Works, but slowly and by hand."),
    UnitSpec(
        "Sales", SituationType.SUSTAINING_SUCCESS,
        "Strong order book; keep the key customer's trust.",
    ),
    UnitSpec("IT", SituationType.TURNAROUND, "Costly to run, fragile, understaffed."),
)

GOALS: tuple[GoalSpec, ...] = (
    GoalSpec(
        "delivery", "Deliver on time, every time",
        "Help on-time delivery rise above 95% by removing the scheduling and material "
        "bottlenecks.",
    ),
    GoalSpec(
        "cost", "Spend less on running IT and show what it buys",
        "Cut the run cost by 10% and report IT spend against results each quarter.",
    ),
    GoalSpec(
        "secure", "Stay secure and recover fast",
        "Pass the key customer's security assessment; recover the ERP within 24 hours.",
    ),
    GoalSpec(
        "close", "Close the books in five days",
        "Remove double typing between sales, finance and tax.",
    ),
    GoalSpec(
        "people", "An IT team that stays and grows",
        "Market pay, clear careers, and no single person holding a system in their head.",
    ),
)

PRINCIPLES: tuple[str, ...] = (
    "Start from the business's most painful problem, production capacity, not from what was "
    "computerised first.",
    "Save money before spending it: renegotiate, reuse and do in-house what we can.",
    "Break every cost down by line and confirm it with the CFO before choosing a vendor.",
    "Speak business: for each proposal, state the value, cost, risk and return to each unit.",
    "Win the managers first, then train the staff; nobody loses their job to a system.",
    "Decisions that cross departments go to the steering group chaired by the CEO.",
)

# ---------------------------------------------------------------- the plan: initiatives

DINGSHENG = "Dingsheng Software"
KAIYUAN = "Kaiyuan Consulting"

INITIATIVES: tuple[InitiativeSpec, ...] = (
    InitiativeSpec(
        "governance", "IT steering group and a one-page quarterly IT report", 6, 1, 2,
        CIO_NAME, InitiativeStatus.IN_PROGRESS,
        "A monthly steering group chaired by the CEO, department heads as members, decides "
        "priorities across departments; the board gets one page a quarter.",
        "Decisions made once, in the open; the board sees what IT spend buys.",
        ("cost",), ("ceo_proposal", "chair_goal", "ceo_concern", "hr_help"),
        milestones=((1, "Terms of reference agreed"), (2, "First quarterly page to the board")),
    ),
    InitiativeSpec(
        "contracts", "Renegotiate IT maintenance and telecom contracts", 6, 1, 4,
        CIO_NAME, InitiativeStatus.IN_PROGRESS,
        "Three contracts renew this year. Compare line by line, add a source-code escrow "
        "clause, and drop support for systems we no longer use.",
        "About CNY 500,000 a year saved before anything new is bought.",
        ("cost",), ("peer_proposal", "ceo_concern", "cfo_help"),
        costs=(CostSpec(Cost.OTHER, 80_000, "Kingsway Law Offices", "Contract review"),),
        payments=((2, 80_000, "On delivery of the review"),),
        milestones=((3, "New terms signed with the two largest vendors"),),
        cfo_confirmed=True,
    ),
    InitiativeSpec(
        "order_feed", "Fix the customer order feed and watch it daily", 6, 1, 3,
        "Yang Fan", InitiativeStatus.IN_PROGRESS,
        "Find why delivery-schedule messages from Nordwerk were lost; add an alert when one "
        "fails and a daily check that every message arrived.",
        "No more premium freight; the key customer sees us act within weeks.",
        ("delivery",), ("customer_concern",),
        costs=(
            CostSpec(Cost.IMPLEMENTATION, 120_000, DINGSHENG, "Message gateway fix and alerts"),
            CostSpec(Cost.MAINTENANCE, 30_000, DINGSHENG, "Monitoring support", PER_YEAR),
        ),
        payments=((1, 60_000, "On order"), (3, 60_000, "On acceptance")),
        milestones=((2, "Root cause fixed"), (3, "Thirty days without a lost message")),
        cfo_confirmed=True,
    ),
    InitiativeSpec(
        "recovery", "Off-site copy of the ERP and a proven 24-hour recovery", 6, 2, 6,
        "Yang Fan", InitiativeStatus.APPROVED,
        "Copy the ERP and file servers to a second site every night; test a full recovery "
        "twice a year with the business watching.",
        "The plants keep shipping after a ransomware attack or a server failure.",
        ("secure",), ("chair_concern",),
        costs=(
            CostSpec(Cost.INFRASTRUCTURE, 650_000, "Huarui Data Centre", "Backup appliance"),
            CostSpec(Cost.MAINTENANCE, 90_000, "Huarui Data Centre", "Rack and support", PER_YEAR),
        ),
        payments=((3, 390_000, "60% on delivery"), (6, 260_000, "40% after a recovery test")),
        milestones=((4, "Nightly off-site copy running"), (6, "First full recovery test passed")),
    ),
    InitiativeSpec(
        "retention", "IT pay review and a career path", 6, 1, 5,
        "Sun Li", InitiativeStatus.APPROVED,
        "Bring IT pay to the Suzhou median, define two career steps, and pair every system "
        "with a second person who knows it.",
        "Keeps the people who keep the plants running; ends single points of knowledge.",
        ("people",), ("it_concern", "erp_goal"),
        costs=(CostSpec(Cost.STAFF, 360_000, "", "Pay adjustments, six staff", PER_YEAR),),
        milestones=((2, "Pay review approved"), (5, "Every system has a second expert")),
        cfo_confirmed=True,
    ),
    InitiativeSpec(
        "mes_pilot", "Shop-floor system pilot on Changzhou's two bottleneck lines", 12, 4, 10,
        "Zhang Wei", InitiativeStatus.PROPOSED,
        "Schedule, track and record the two CNC lines that set Changzhou's pace, with the "
        "operators trained on every shift before go-live.",
        "About 19% more output from the lines that limit what we can sell, without a new line.",
        ("delivery",), ("coo_proposal", "coo_concern", "coo_goal", "plant_goal", "coo_help"),
        depends_on=("governance",),
        costs=(
            CostSpec(Cost.LICENCE, 900_000, "Lianchuang Industrial Software"),
            CostSpec(Cost.IMPLEMENTATION, 1_200_000, KAIYUAN),
            CostSpec(Cost.CUSTOMISATION, 300_000, KAIYUAN, "Links to the ERP"),
            CostSpec(Cost.INFRASTRUCTURE, 250_000, "", "Line terminals and Wi-Fi, halls A and B"),
            CostSpec(Cost.OTHER, 80_000, KAIYUAN, "Operator training, all shifts"),
            CostSpec(Cost.MAINTENANCE, 180_000, "Lianchuang Industrial Software", "", PER_YEAR),
        ),
        payments=(
            (4, 819_000, "30% on signing"), (7, 1_092_000, "40% at go-live"),
            (10, 819_000, "30% after the pilot review"),
        ),
        milestones=(
            (5, "Lines 3 and 4 live"), (8, "Nightly schedule made by the system"),
            (10, "Pilot review with the steering group"),
        ),
    ),
    InitiativeSpec(
        "close", "Five-day close: sales invoices flow to the tax system", 12, 5, 9,
        "Liu Fang", InitiativeStatus.PROPOSED,
        "Connect the ERP's sales invoicing to the tax system so nothing is typed twice; "
        "retrain the clerks for checking instead of typing.",
        "Books closed in 5 days instead of 9; fewer errors in tax filings.",
        ("close",), ("cfo_goal", "ctrl_concern"),
        depends_on=("contracts",),
        costs=(
            CostSpec(Cost.CUSTOMISATION, 220_000, DINGSHENG, "Tax-system interface"),
            CostSpec(Cost.LICENCE, 40_000, DINGSHENG, "Interface licence", PER_YEAR),
        ),
        payments=((5, 110_000, "Half on order"), (9, 110_000, "Half after the first 5-day close")),
        milestones=((7, "Interface live"), (9, "First five-day close")),
        cfo_confirmed=True,
    ),
    InitiativeSpec(
        "supplier_portal", "Supplier portal for forecasts and call-offs", 12, 7, 12,
        "Huang Lei", InitiativeStatus.ON_HOLD,
        "Key suppliers see our forecast and confirm deliveries online. On hold until supply "
        "chain agrees the design.",
        "Fewer material shortages; suppliers paid early through the bank.",
        ("delivery",), ("scm_proposal", "scm_goal", "bank_proposal"),
        depends_on=("order_feed",),
        costs=(
            CostSpec(Cost.IMPLEMENTATION, 400_000, DINGSHENG),
            CostSpec(Cost.LICENCE, 150_000, DINGSHENG, "Portal, 40 suppliers", PER_YEAR),
        ),
        payments=((7, 200_000, "On order"), (12, 200_000, "On acceptance")),
        milestones=((10, "Ten largest suppliers connected"),),
    ),
    InitiativeSpec(
        "security", "Security programme for the customer's assessment", 12, 3, 11,
        "Yang Fan", InitiativeStatus.PROPOSED,
        "An outside gap audit, a security engineer, protection on every PC and server, and a "
        "rehearsed incident plan.",
        "Keeps the largest contract; answers the board's ransomware question.",
        ("secure",), ("customer_goal", "chair_concern"),
        depends_on=("governance",),
        costs=(
            CostSpec(Cost.OTHER, 280_000, "Anxin Certification", "Gap audit and mock assessment"),
            CostSpec(Cost.STAFF, 300_000, "", "Security engineer", PER_YEAR),
            CostSpec(Cost.LICENCE, 120_000, "", "Endpoint protection, 900 devices", PER_YEAR),
        ),
        payments=((3, 140_000, "Gap audit"), (11, 140_000, "Mock assessment")),
        milestones=((4, "Gap audit findings"), (11, "Mock assessment passed")),
    ),
    InitiativeSpec(
        "erp", "Rebuild order allocation on a supported ERP version", 24, 13, 22,
        CIO_NAME, InitiativeStatus.PROPOSED,
        "Replace the undocumented allocation customisation with standard functions and "
        "documented rules owned by supply chain; move to the supported version.",
        "An ERP that can be upgraded and supported by more than one person.",
        ("delivery", "cost"),
        ("vendor_proposal", "vendor_concern", "it_proposal", "erp_concern", "cfo_concern"),
        depends_on=("mes_pilot", "close"),
        costs=(
            CostSpec(Cost.LICENCE, 2_400_000, DINGSHENG),
            CostSpec(Cost.IMPLEMENTATION, 1_800_000, DINGSHENG),
            CostSpec(Cost.CUSTOMISATION, 600_000, DINGSHENG, "Allocation rules rebuilt"),
            CostSpec(Cost.INFRASTRUCTURE, 400_000, "", "Database servers"),
            CostSpec(Cost.MAINTENANCE, 480_000, DINGSHENG, "", PER_YEAR),
        ),
        payments=(
            (13, 1_040_000, "20% on signing"), (16, 1_560_000, "30% at design sign-off"),
            (19, 1_560_000, "30% at test sign-off"), (22, 1_040_000, "20% after cut-over"),
        ),
        milestones=(
            (14, "Vendor chosen after a line-by-line comparison"),
            (18, "Allocation rules rebuilt and tested with supply chain"),
            (22, "Cut-over at all plants"),
        ),
    ),
    InitiativeSpec(
        "mes_rollout", "Shop-floor system at every plant, with lot traceability", 24, 13, 24,
        "Zhang Wei", InitiativeStatus.PROPOSED,
        "Extend the pilot to all lines in Suzhou, Changzhou and Chongqing and record every lot "
        "from coil to shipment.",
        "Meets the customer's traceability demand; audits take hours, not a week.",
        ("delivery",), ("qa_goal", "qa_concern"),
        depends_on=("mes_pilot", "recovery"),
        costs=(
            CostSpec(Cost.LICENCE, 1_500_000, "Lianchuang Industrial Software"),
            CostSpec(Cost.IMPLEMENTATION, 2_000_000, KAIYUAN),
            CostSpec(Cost.INFRASTRUCTURE, 600_000, "", "Terminals and networks, three plants"),
            CostSpec(Cost.MAINTENANCE, 320_000, "Lianchuang Industrial Software", "", PER_YEAR),
        ),
        payments=(
            (13, 1_230_000, "30% on signing"), (18, 1_640_000, "40% at Suzhou go-live"),
            (24, 1_230_000, "30% after Chongqing go-live"),
        ),
        milestones=((16, "Suzhou live"), (20, "Changzhou live"), (24, "Chongqing live")),
    ),
)

# ---------------------------------------------------------------- the plan: measures

MEASURES: tuple[MeasureSpec, ...] = (
    MeasureSpec("On-time delivery to Nordwerk", "%", 88, 92, 6, current=89, current_day=15),
    MeasureSpec(
        "Customer order messages lost per month", "messages", 1, 0, 6, "order_feed",
        current=0, current_day=17,
    ),
    MeasureSpec("ERP recovery time in a test", "hours", 72, 24, 6, "recovery"),
    MeasureSpec("Annual IT maintenance spend", "CNY million", 4.2, 3.7, 6, "contracts"),
    MeasureSpec("IT staff turnover, annualised", "%", 33, 15, 6, "retention"),
    MeasureSpec(
        "Output of the two pilot lines", "parts per shift", 1850, 2200, 12, "mes_pilot",
        current=1850, current_day=9,
    ),
    MeasureSpec("Month-end close", "working days", 9, 5, 12, "close", current=9, current_day=12),
    MeasureSpec("Line stops from material shortages", "per quarter", 11, 4, 12, "supplier_portal"),
    MeasureSpec("Open findings from the security gap audit", "findings", None, 0, 12, "security"),
    MeasureSpec("On-time delivery, all customers", "%", 88, 96, 24),
    MeasureSpec("IT spend as a share of revenue", "%", 1.4, 1.2, 24),
    MeasureSpec("Lots traceable from coil to shipment", "%", 35, 100, 24, "mes_rollout"),
)

# ---------------------------------------------------------------- risks

RISKS: tuple[RiskSpec, ...] = (
    RiskSpec(
        "budget", "Capital projects frozen if orders fall", RiskCategory.FINANCIAL,
        "Spending is approved quarter by quarter against order intake.",
        "The shop-floor pilot and the ERP work stop half-way.",
        (3, 4), (2, 3), RiskResponse.MITIGATE, "Liu Fang",
        "Order intake 10% below plan for a quarter",
        "Pay by milestone, not up front; fund the pilot from the contract savings.",
        "Shrink the pilot to one line; move the ERP work back six months.",
        12, RiskStatus.OPEN, 32, ("mes_pilot", "erp"),
    ),
    RiskSpec(
        "exchange_rate", "Euro-priced licences grow dearer if the yuan weakens",
        RiskCategory.FINANCIAL,
        "Lianchuang resells a German product and first quoted it in euros.",
        "Licence costs rise 5-10%.",
        (2, 2), (1, 2), RiskResponse.ACCEPT, "Zhao Min",
        "Yuan below 8.2 to the euro", "Quotes now fixed in yuan; risk closed.", "",
        24, RiskStatus.CLOSED, 60, ("mes_rollout",),
    ),
    RiskSpec(
        "contract_rights", "No rights to our own ERP customisations", RiskCategory.LEGAL,
        "The 2019 contract leaves the customised code with the vendor.",
        "We cannot move or fix the allocation rules without Dingsheng.",
        (3, 4), (2, 3), RiskResponse.MITIGATE, CIO_NAME,
        "Contract renewal without an escrow clause",
        "Add source-code escrow and documentation duties at renewal.",
        "Rebuild the rules on standard functions (the ERP initiative).",
        6, RiskStatus.OPEN, 25, ("contracts", "erp"),
    ),
    RiskSpec(
        "ransomware", "Ransomware stops the ERP and the plants",
        RiskCategory.INFORMATION_SECURITY,
        "Old servers, no off-site copy, shared administrator passwords.",
        "No orders, no shipments, no invoices for days.",
        (3, 5), (2, 3), RiskResponse.MITIGATE, "Yang Fan",
        "A malware alert on any plant PC",
        "Off-site copy and recovery test; endpoint protection; separate admin accounts.",
        "Paper order cards at the plants; restore from the off-site copy.",
        6, RiskStatus.OPEN, 10, ("recovery", "security"),
    ),
    RiskSpec(
        "drawings", "Customer drawings leave the company by e-mail or USB stick",
        RiskCategory.INFORMATION_SECURITY,
        "Drawings are shared freely with subcontractors.",
        "A customer's trade secrets leak; the contract and our reputation suffer.",
        (3, 4), (2, 4), RiskResponse.MITIGATE, "Ma Jun",
        "A drawing found outside the approved subcontractors",
        "Share drawings only through a controlled portal; block USB storage on design PCs.",
        "Tell the customer within 24 hours; audit the subcontractor.",
        12, RiskStatus.OPEN, 40, ("security",),
    ),
    RiskSpec(
        "lost_messages", "Customer order messages lost again before the fix",
        RiskCategory.OPERATIONAL,
        "The message gateway drops files when the customer resends.",
        "Wrong quantities produced; premium freight.",
        (3, 4), (1, 4), RiskResponse.MITIGATE, "Yang Fan",
        "A day's message count below the customer's",
        "Daily reconciliation with the customer's count; alert on failure.",
        "Sales confirms schedules by phone until fixed.",
        6, RiskStatus.MONITORING, 21, ("order_feed",),
    ),
    RiskSpec(
        "month_end_outage", "A server failure at month end stops invoicing",
        RiskCategory.OPERATIONAL,
        "The ERP runs on one server with no tested standby.",
        "Invoices late; cash comes in a month late.",
        (2, 5), (1, 4), RiskResponse.MITIGATE, "Yang Fan",
        "Server hardware warnings in the last week of a month",
        "Standby server and a recovery test before each quarter end.",
        "Invoice from the off-site copy; extend the close by two days.",
        6, RiskStatus.OPEN, 28, ("recovery", "close"),
    ),
    RiskSpec(
        "resistance", "Staff resist the new systems, as the finance team once did",
        RiskCategory.PEOPLE_CHANGE,
        "Operators and clerks fear extra work and lost jobs; the last tablet trial failed.",
        "Systems bought but not used; the pilot shows no gain.",
        (4, 4), (3, 3), RiskResponse.MITIGATE, "Sun Li",
        "Screens left unused or data typed late for a week",
        "Managers first, then training on every shift; same rules for senior staff; "
        "reward the first users.",
        "Pause, retrain, and let shift leaders choose the pace.",
        12, RiskStatus.OPEN, 30, ("mes_pilot", "close"), ("xu", "zhao", "huang"),
    ),
    RiskSpec(
        "sponsor", "Sponsor turns opponent: Zhang Wei withdraws if the pilot slows production",
        RiskCategory.PEOPLE_CHANGE,
        "The COO backs the pilot on the promise that output will not drop.",
        "The pilot loses its sponsor and its lines.",
        (2, 5), (2, 3), RiskResponse.MITIGATE, CIO_NAME,
        "Pilot lines below their baseline output two weeks running",
        "Weekly output review with him; old schedule kept in parallel for the first month.",
        "Pause on night shift and agree the fix with him within 48 hours.",
        12, RiskStatus.OPEN, 27, ("mes_pilot",), ("zhang",),
    ),
    RiskSpec(
        "key_person", "Only Deng Xiaoyu knows the allocation customisation",
        RiskCategory.PEOPLE_CHANGE,
        "Nothing is written down; he is underpaid and courted by others.",
        "Allocation breaks and nobody can fix it.",
        (3, 4), (2, 2), RiskResponse.MITIGATE, CIO_NAME,
        "He asks for a reference or takes unplanned leave",
        "Pay review; a second person shadows him; record the rules now.",
        "Vendor's senior consultant on retainer.",
        6, RiskStatus.OPEN, 24, ("retention", "erp"), ("deng",),
    ),
    RiskSpec(
        "lock_in", "Locked in to the ERP vendor's cloud edition and prices", RiskCategory.VENDOR,
        "A quarter-end discount pushes a decision before the budget is known.",
        "Higher fees for years; no way out.",
        (3, 3), (2, 2), RiskResponse.AVOID, CIO_NAME,
        "Pressure to sign before the comparison is done",
        "Do not sign this quarter; compare two vendors line by line; cap prices for 3 years.",
        "Keep the second vendor's quote alive.",
        24, RiskStatus.OPEN, 50, ("erp",), ("kevin",),
    ),
    RiskSpec(
        "partner_staff", "The implementation partner's lead consultant leaves mid-pilot",
        RiskCategory.VENDOR,
        "Kaiyuan is small; its best people are in demand.",
        "The pilot stalls for weeks.",
        (2, 4), (2, 2), RiskResponse.TRANSFER, "Zhang Wei",
        "Named consultant replaced without notice",
        "Name the consultants in the contract, with penalties for replacing them.",
        "Penalty pays for the vendor's own consultants.",
        12, RiskStatus.OPEN, 35, ("mes_pilot",), ("grace",),
    ),
    RiskSpec(
        "peak_season", "Go-lives collide with the September-November peak", RiskCategory.SCHEDULE,
        "The plants run flat out in the autumn.",
        "A go-live in peak season risks missed deliveries.",
        (4, 3), (2, 3), RiskResponse.AVOID, "Zhang Wei",
        "A go-live date falling between September and November",
        "No go-live in peak months; plan cut-overs for spring.",
        "Move the go-live to the next quiet month.",
        24, RiskStatus.OPEN, 40, ("mes_pilot", "mes_rollout", "erp"),
    ),
)

CONTINGENCIES: tuple[ContingencySpec, ...] = (
    ContingencySpec(
        "The CFO has not confirmed the pilot budget by month 3",
        "Start on one line only and fund it from the contract savings.",
        CIO_NAME, 12, "budget", "mes_pilot",
    ),
    ContingencySpec(
        "Deng Xiaoyu resigns before the allocation rules are written down",
        "Vendor's senior consultant on a three-month retainer; his recorded walk-throughs "
        "become the manual.", CIO_NAME, 6, "key_person",
    ),
    ContingencySpec(
        "Ransomware or an ERP outage longer than 24 hours",
        "Paper order cards at the plants; restore from the off-site copy; call the "
        "incident-response retainer.", "Yang Fan", 6, "ransomware", "recovery",
    ),
    ContingencySpec(
        "Pilot lines produce below their baseline two weeks running",
        "Pause the new screens on night shift, keep the old schedule in parallel, review with "
        "Zhang Wei within 48 hours.", "Zhang Wei", 12, "sponsor", "mes_pilot",
    ),
    ContingencySpec(
        "Dingsheng raises prices after the discount deadline",
        "Keep the second vendor's quote alive; sign only with a three-year price cap.",
        CIO_NAME, 24, "lock_in", "erp",
    ),
    ContingencySpec(
        "Nordwerk brings its security assessment forward",
        "Buy the gap audit at once; hire the security engineer on contract first.",
        "Yang Fan", 12, None, "security",
    ),
)

NEXT_STEPS: tuple[NextStepSpec, ...] = (
    NextStepSpec(6, "Collect three years of IT spend by cost line", CIO_NAME, 11, done=True),
    NextStepSpec(6, "Send the plan outline to Catherine Zhao for an outside review", CIO_NAME, 19),
    NextStepSpec(6, "Agree the steering group's remit with Zhou Jianguo", CIO_NAME, 23),
    NextStepSpec(6, "Present the draft plan to Zhou Jianguo", CIO_NAME, 29),
    NextStepSpec(6, "Confirm the off-site backup budget with Liu Fang", "Yang Fan", 35),
    NextStepSpec(
        12, "Visit two plants running a shop-floor system before choosing a vendor",
        "Zhang Wei", 70,
    ),
    NextStepSpec(12, "Agree the tax-interface scope with Zhao Min", "Deng Xiaoyu", 120),
    NextStepSpec(
        24, "Compare ERP vendors line by line and confirm the budget with the CFO",
        CIO_NAME, 300,
    ),
    NextStepSpec(
        24, "Plan the rollout order for Suzhou and Chongqing around the peak season",
        "Zhang Wei", 330,
    ),
)

# fmt: on
