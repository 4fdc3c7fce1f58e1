"""The demo's draft transition plan: assessment, goals, initiatives, risks and budget.

Pure data, read by `demo.py`, which writes it through the plan and risk
managers, so it obeys the rules of a plan typed in by hand. Plan months count
from the CIO's start date; review and due dates are Day numbers, as in
`demo_content.py`, whose people and insights the plan cites by key. Money is
in whole yuan here and stored in fen.

Every payment schedule adds up to its initiative's cost over the 24 months
as `budget.py` counts it: one-off lines are paid in instalments tied to
delivery, per-year lines (support, licences, salaries) once a year from
go-live or hire, salaries through payroll and shown by half-year.

The plan is a Day 18 draft. Plan health finds two things in it, left on
purpose because a real draft has them and they show the health panel at work:
- the supplier portal, on hold until supply chain agrees its design, has no
  owner yet (the CIO meets Huang Lei about it today);
- the risk of an outdated data-security filing is critical and has no
  contingency yet: that waits for the regulator meeting on Day 24.
Two concerns (Huang Lei's about the ERP, Xu Gang's about new screens) are not
yet addressed by any initiative, so Today shows what the plan still owes.
"""

from __future__ import annotations

from dataclasses import dataclass

from cio_desk.services.demo_content import CIO_NAME
from cio_desk.store.enums import (
    AssessmentKind,
    CostCategory,
    CostRecurrence,
    InitiativeStatus,
    RiskCategory,
    RiskResponse,
    RiskStatus,
    SituationType,
)

# ---------------------------------------------------------------- the shapes of the data

# Short names for the tables below.
Cost = CostCategory
PER_YEAR = CostRecurrence.PER_YEAR


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
    """An initiative; its payments add up to its cost over the plan (see `budget.py`)."""

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
        "A monthly steering group chaired by the CEO, with the department heads, HR included, "
        "as members, decides priorities across departments; the board gets one page a quarter.",
        "Decisions made once, in the open; the board sees what IT spend buys.",
        ("cost",), ("ceo_proposal", "chair_goal", "ceo_concern"),
        costs=(
            CostSpec(
                Cost.OTHER, 36_000, "Mingde Management Consulting",
                "Facilitating the first two meetings and designing the one-page report",
            ),
        ),
        payments=((2, 36_000, "After the second meeting"),),
        milestones=((1, "Terms of reference agreed"), (2, "First quarterly page to the board")),
    ),
    InitiativeSpec(
        "contracts", "Renegotiate IT maintenance and telecom contracts", 6, 1, 4,
        CIO_NAME, InitiativeStatus.IN_PROGRESS,
        "Three contracts renew this year. Compare line by line, add a source-code escrow "
        "clause, and drop support for systems we no longer use.",
        "About CNY 500,000 a year saved before anything new is bought.",
        ("cost",), ("peer_proposal", "ceo_concern", "cfo_concern"),
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
        payments=(
            (1, 60_000, "Half on order"), (3, 60_000, "Half on acceptance"),
            (3, 30_000, "Monitoring support, year 1, from acceptance"),
            (15, 30_000, "Monitoring support, year 2"),
        ),
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
        payments=(
            (3, 390_000, "60% on delivery"),
            (4, 90_000, "Rack and support, year 1, from the first copy"),
            (6, 260_000, "40% after a recovery test"),
            (16, 90_000, "Rack and support, year 2"),
        ),
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
        payments=(
            (1, 180_000, "Pay adjustments, year 1, first half, through payroll"),
            (7, 180_000, "Pay adjustments, year 1, second half"),
            (13, 180_000, "Pay adjustments, year 2, first half"),
            (19, 180_000, "Pay adjustments, year 2, second half"),
        ),
        milestones=((2, "Pay review approved"), (5, "Every system has a second expert")),
        cfo_confirmed=True,
    ),
    InitiativeSpec(
        "mes_pilot", "Shop-floor system pilot on Changzhou's two bottleneck lines", 12, 4, 10,
        "Zhang Wei", InitiativeStatus.PROPOSED,
        "Schedule, track and record the two CNC lines that set Changzhou's pace, with the "
        "operators trained on every shift before go-live.",
        "About 19% more output from the lines that limit what we can sell, without a new line.",
        ("delivery",), ("coo_proposal", "coo_concern", "coo_goal", "plant_goal", "ceo_goal"),
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
            (4, 450_000, "Lianchuang: licence, half on order"),
            (4, 474_000, "Kaiyuan: 30% on signing"),
            (5, 250_000, "Terminals and Wi-Fi on delivery"),
            (5, 450_000, "Lianchuang: licence, half at go-live"),
            (5, 180_000, "Lianchuang: support, year 1, from go-live"),
            (8, 632_000, "Kaiyuan: 40% when the system makes the nightly schedule"),
            (10, 474_000, "Kaiyuan: 30% after the pilot review"),
            (17, 180_000, "Lianchuang: support, year 2"),
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
        payments=(
            (5, 110_000, "Half on order"),
            (7, 40_000, "Interface licence, year 1, at go-live"),
            (9, 110_000, "Half after the first five-day close"),
            (19, 40_000, "Interface licence, year 2"),
        ),
        milestones=((7, "Interface live"), (9, "First five-day close")),
        cfo_confirmed=True,
    ),
    InitiativeSpec(
        "supplier_portal", "Supplier portal for forecasts and call-offs", 12, 7, 12,
        "", InitiativeStatus.ON_HOLD,  # no owner yet, on purpose (see the module docstring)
        "Key suppliers see our forecast and confirm deliveries online. On hold until supply "
        "chain agrees the design and names its owner.",
        "Fewer material shortages; suppliers paid early through the bank.",
        ("delivery",), ("scm_proposal", "scm_goal", "bank_proposal"),
        depends_on=("order_feed",),
        costs=(
            CostSpec(Cost.IMPLEMENTATION, 400_000, DINGSHENG),
            CostSpec(Cost.LICENCE, 150_000, DINGSHENG, "Portal, 40 suppliers", PER_YEAR),
        ),
        payments=(
            (7, 200_000, "Half on order"),
            (10, 150_000, "Portal licence, year 1, once suppliers connect"),
            (12, 200_000, "Half on acceptance"),
            (22, 150_000, "Portal licence, year 2"),
        ),
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
        payments=(
            (3, 140_000, "Anxin: gap audit"),
            (3, 150_000, "Security engineer, year 1, first half, through payroll"),
            (4, 120_000, "Endpoint protection, year 1"),
            (9, 150_000, "Security engineer, year 1, second half"),
            (11, 140_000, "Anxin: mock assessment"),
            (15, 150_000, "Security engineer, year 2, first half"),
            (16, 120_000, "Endpoint protection, year 2"),
            (21, 150_000, "Security engineer, year 2, second half"),
        ),
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
            (14, 960_000, "Dingsheng: 20% on signing"),
            (16, 1_440_000, "Dingsheng: 30% at design sign-off"),
            (17, 400_000, "Database servers on delivery"),
            (19, 1_440_000, "Dingsheng: 30% at test sign-off"),
            (22, 480_000, "Dingsheng: maintenance, year 1, from cut-over"),
            (23, 960_000, "Dingsheng: 20% a month after cut-over, with no open defects"),
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
            (13, 750_000, "Lianchuang: licence, half on order"),
            (13, 600_000, "Kaiyuan: 30% on signing"),
            (15, 200_000, "Terminals and networks, Suzhou"),
            (16, 750_000, "Lianchuang: licence, half at the Suzhou go-live"),
            (16, 320_000, "Lianchuang: support, year 1, from the Suzhou go-live"),
            (19, 200_000, "Terminals and networks, Changzhou"),
            (20, 800_000, "Kaiyuan: 40% at the Changzhou go-live"),
            (23, 200_000, "Terminals and networks, Chongqing"),
            (24, 600_000, "Kaiyuan: 30% after the Chongqing go-live"),
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
    MeasureSpec("Yearly running cost of today's IT systems", "CNY million", 10.0, 9.0, 24),
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
        "filing", "Data-security filing found out of date at the regulator's review",
        RiskCategory.LEGAL,
        "The classification filing dates from 2021, before the Chongqing plant and the "
        "customer drawings it now holds.",
        "A correction order and a fine; the key customer hears of it in its assessment.",
        (4, 4), (2, 4), RiskResponse.MITIGATE, "Yang Fan",
        "The regulator sets a review date or asks for the filing",
        "Bring the filing up to date with Chongqing; walk Guo Ping through it on Day 24.",
        "",  # no contingency yet, on purpose: it is written after the Day 24 meeting
        6, RiskStatus.OPEN, 24, ("security",), ("guo",),
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
    NextStepSpec(
        6, "Bring the data-security filing up to date before meeting Guo Ping", "Yang Fan", 23,
    ),
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
