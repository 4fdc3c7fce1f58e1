"""What the demo workspace contains: a CIO's first month at a manufacturing group.

Pure data, read by `demo.py`: the people, the meetings and what was learnt in
them, follow-ups, the learning agenda and the talks with the boss. The draft
plan built from this material is in `demo_plan.py`. Dates are Day numbers
(Day 1 = the CIO's start date), so the story moves with the `today` the demo
is built for. People, meetings and insights are referred to by short keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from cio_desk.store.enums import (
    BossConversationKind,
    InsightKind,
    MeetingSetting,
    MeetingStatus,
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

# fmt: on
