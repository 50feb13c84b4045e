"""One extractor per published-list kind, each a small module plus a metadata file.

Adding a list format: write ``<name>.py`` with a ``ListExtractor`` subclass and
``<name>.toml`` with its column aliases, import it here, add one fixture test.
"""

from ..registry import register
from .abnormal_operations import AbnormalOperationsList
from .abnormal_taxpayers import AbnormalTaxpayerList
from .business_register import BusinessRegisterList
from .commitments import CommitmentBreachList
from .debt_evasion import DebtEvasionList
from .dishonest import DishonestList
from .donations import DonationList
from .enforcement import EnforcementList
from .environment import EnvironmentalList
from .honours import HonourList
from .key_personnel import KeyPersonnelList
from .major_tax_violation import MajorTaxViolationList
from .overseas_equity import OverseasEquityList
from .penalties import PenaltyList
from .red_list import RedList
from .regulatory_measures import RegulatoryMeasureList
from .safety_hazards import SafetyHazardList
from .serious_dishonest import SeriousDishonestList
from .social_insurance import SocialInsuranceArrearsList
from .spot_checks import SpotCheckList
from .tax_arrears import TaxArrearsList
from .volunteer import VolunteerList

EXTRACTORS = [
    DishonestList, SeriousDishonestList, AbnormalOperationsList, AbnormalTaxpayerList, RedList,
    PenaltyList, HonourList, DonationList, VolunteerList, KeyPersonnelList, BusinessRegisterList,
    DebtEvasionList, OverseasEquityList, SocialInsuranceArrearsList, TaxArrearsList, MajorTaxViolationList,
    SpotCheckList, SafetyHazardList, EnvironmentalList, EnforcementList, CommitmentBreachList,
    RegulatoryMeasureList,
]

for _cls in EXTRACTORS:
    register(_cls())
