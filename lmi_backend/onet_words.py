"""O*NET skill, knowledge and interest names in the words a young person uses ("Reading
Comprehension" is "understanding what you read").

Its own module, below both the service and the answers: the service puts the plain name beside
the O*NET one in every skills result (so any front end gets it), and the answers say it.
"""

from __future__ import annotations

SKILLS: dict[str, str] = {
    "Reading Comprehension": "understanding what you read",
    "Active Listening": "listening well",
    "Writing": "writing",
    "Speaking": "speaking clearly",
    "Mathematics": "maths",
    "Science": "science",
    "Critical Thinking": "thinking things through",
    "Active Learning": "picking up new things",
    "Learning Strategies": "finding ways to learn",
    "Monitoring": "checking how things are going",
    "Social Perceptiveness": "reading how people feel",
    "Coordination": "working as a team",
    "Persuasion": "persuading people",
    "Negotiation": "making deals",
    "Instructing": "teaching others",
    "Service Orientation": "helping people",
    "Complex Problem Solving": "solving hard problems",
    "Operations Analysis": "working out what is needed",
    "Technology Design": "designing tech",
    "Equipment Selection": "picking the right tools",
    "Installation": "fitting things",
    "Programming": "coding",
    "Operations Monitoring": "watching dials and screens",
    "Operation and Control": "running machines",
    "Equipment Maintenance": "looking after kit",
    "Troubleshooting": "finding faults",
    "Repairing": "fixing things",
    "Quality Control Analysis": "checking quality",
    "Judgment and Decision Making": "making good calls",
    "Systems Analysis": "seeing how things fit",
    "Systems Evaluation": "judging what works",
    "Time Management": "managing your time",
    "Management of Financial Resources": "managing money",
    "Management of Material Resources": "managing stock",
    "Management of Personnel Resources": "managing people",
}
KNOWLEDGE: dict[str, str] = {
    "Administration and Management": "running a business",
    "Administrative": "office work",
    "Economics and Accounting": "money and accounts",
    "Sales and Marketing": "sales",
    "Customer and Personal Service": "customer service",
    "Personnel and Human Resources": "HR",
    "Transportation": "transport",
    "Production and Processing": "how things are made",
    "Food Production": "food and farming",
    "Computers and Electronics": "computers",
    "Engineering and Technology": "engineering",
    "Design": "design",
    "Building and Construction": "building",
    "Mechanical": "machines",
    "Mathematics": "maths",
    "Physics": "physics",
    "Chemistry": "chemistry",
    "Biology": "biology",
    "Psychology": "psychology",
    "Sociology and Anthropology": "how people live together",
    "Geography": "geography",
    "Medicine and Dentistry": "medicine",
    "Therapy and Counseling": "therapy",
    "Education and Training": "teaching",
    "English Language": "English",
    "Foreign Language": "languages",
    "Fine Arts": "art",
    "History and Archeology": "history",
    "Philosophy and Theology": "religion and ideas",
    "Public Safety and Security": "safety",
    "Law and Government": "the law",
    "Telecommunications": "phone and network systems",
    "Communications and Media": "the media",
}
INTERESTS: dict[str, str] = {
    "Realistic": "hands-on work",
    "Investigative": "working things out",
    "Artistic": "being creative",
    "Social": "helping people",
    "Enterprising": "leading and selling",
    "Conventional": "being organised",
}


def plain_element(kind: str, name: str) -> str:
    table = {"skill": SKILLS, "knowledge": KNOWLEDGE, "interest": INTERESTS}.get(kind, {})
    return table.get(name, name.lower())
