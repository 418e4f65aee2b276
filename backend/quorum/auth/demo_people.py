"""The demo's people: who demo mode offers to sign in as, and whom the demo seed creates."""

from __future__ import annotations

from dataclasses import dataclass, field

from quorum.access import Role

DEMO_DOMAIN = "demo.quorum.example"


@dataclass(frozen=True)
class DemoPerson:
    name: str
    description: str
    memberships: tuple[tuple[str, Role, str | None], ...] = ()  # (organisation ODS, role, practice ODS)
    platform_admin: bool = False
    email: str = field(default="")

    def __post_init__(self) -> None:
        if not self.email:
            local = self.name.lower().replace("dr ", "").replace(" ", ".")
            object.__setattr__(self, "email", f"{local}@{DEMO_DOMAIN}")


DEMO_PEOPLE = [
    DemoPerson("Sam Okafor", "Platform administrator: creates organisations", platform_admin=True),
    DemoPerson("Priya Shah", "Administrator, NHS Bolton CCG", (("00T", Role.ADMINISTRATOR, None),)),
    DemoPerson("Helen Hargreaves", "Board secretary, NHS Bolton CCG", (("00T", Role.BOARD_SECRETARY, None),)),
    DemoPerson(
        "Dr Rajesh Mistry",
        "GP governing body member and practice representative, NHS Bolton CCG",
        (("00T", Role.GOVERNING_BODY_MEMBER, None), ("00T", Role.PRACTICE_REPRESENTATIVE, "P82001")),
    ),
    DemoPerson(
        "Margaret Lowe",
        "Lay member of the governing body, NHS Bolton CCG",
        (("00T", Role.GOVERNING_BODY_MEMBER, None),),
    ),
    DemoPerson(
        "Tom Ashworth",
        "Chief finance officer shared by Bolton and Heywood, Middleton and Rochdale CCGs: writes and sponsors papers",
        (("00T", Role.STAFF, None), ("01D", Role.STAFF, None)),
    ),
    DemoPerson(
        "Dr Fiona Clarke", "Practice representative, NHS Bolton CCG", (("00T", Role.PRACTICE_REPRESENTATIVE, "P82002"),)
    ),
    DemoPerson(
        "Daniel Cohen",
        "Board secretary, NHS Islington CCG",
        (("08H", Role.BOARD_SECRETARY, None), ("08H", Role.ADMINISTRATOR, None)),
    ),
    DemoPerson(
        "Dr Grace Adeyemi", "GP governing body member, NHS Islington CCG", (("08H", Role.GOVERNING_BODY_MEMBER, None),)
    ),
    DemoPerson(
        "Dr Kwame Mensah",
        "Practice representative, NHS Islington CCG",
        (("08H", Role.PRACTICE_REPRESENTATIVE, "F83001"),),
    ),
    DemoPerson(
        "Janet Whitworth", "Area team officer, Greater Manchester Area Team", (("Q46", Role.AREA_TEAM_OFFICER, None),)
    ),
    DemoPerson("Oliver Grant", "Area team officer, London Area Team", (("Q71", Role.AREA_TEAM_OFFICER, None),)),
]
