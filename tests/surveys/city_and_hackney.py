"""NHS City and Hackney CCG's members for the survey tests: 19 practice representatives, five of them leaders.

Hackney North has 8 representatives (3 sit on the governing body), Hackney South 7 (2 do) and the City
of London 4: a group under the threshold of five, with a neighbour of 7 that must be withheld with it.
"""

from __future__ import annotations

from tests.surveys.scenario import add_person

DEMO = "demo.quorum.example"
SECRETARY = f"ch.secretary@{DEMO}"
STAFF = f"ch.staff@{DEMO}"
# (email, practice, seated on the governing body)
REPRESENTATIVES = (
    [(f"ch.north{i}@{DEMO}", f"F84{[1, 4, 7, 10][i % 4]:03d}", i < 3) for i in range(8)]
    + [(f"ch.south{i}@{DEMO}", f"F84{[2, 5, 8, 11][i % 4]:03d}", i < 2) for i in range(7)]
    + [(f"ch.city{i}@{DEMO}", f"F84{[3, 6, 9][i % 3]:03d}", False) for i in range(4)]
)
LEADERS = [email for email, _, seated in REPRESENTATIVES if seated]


async def add_members() -> None:
    await add_person(SECRETARY, "Chidi Secretary", "07T", "BOARD_SECRETARY")
    await add_person(STAFF, "Sam Staff", "07T", "STAFF")
    for email, practice, seated in REPRESENTATIVES:
        name = email.split("@")[0].replace(".", " ").title()
        await add_person(email, name, "07T", "PRACTICE_REPRESENTATIVE", practice, seated=seated)
