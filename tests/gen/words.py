"""Words and names the families draw from: key wordings, header synonyms,
lead forms, ref schemes, indicator titles.  Each entry says what it means,
so the ground truth comes from the choice, never from a reader."""

STATUSES = ["programmed", "on_target", "one_month_behind",
            "over_one_month_behind", "reprogrammed", "suspended", "complete"]

# Key wordings by meaning.  The quantity and prefix forms ("Re-planned",
# "Late (less than 4 weeks)", "Slipped by over a month") are the ones
# issue 9 found read the wrong way.
KEY_WORDS = {
    "programmed": ["Programmed dates", "Planned", "Not started",
                   "Not yet started", "Scheduled", "Future activity",
                   "Not yet due", "Not due to start", "Planned activity",
                   "Programmed", "Yet to start"],
    "on_target": ["On target", "On track", "On schedule",
                  "Progressing as planned", "On time", "On course",
                  "Progressing to plan", "Going to plan", "Progressing",
                  "No issues", "Good progress"],
    "one_month_behind": ["One month behind", "Up to 1 month late",
                         "Late (less than 4 weeks)", "Slipped up to a month",
                         "Less than one month behind",
                         "Delayed by up to 4 weeks", "Behind by under 30 days",
                         "Less than a month late",
                         "Up to one month behind schedule",
                         "Behind (under 1 month)", "Some concerns",
                         "Minor issues", "Needs attention"],
    "over_one_month_behind": ["Over one month behind", "More than 1 month late",
                              "Slipped by over a month",
                              "Late (more than 4 weeks)",
                              "Behind by over 30 days",
                              "Delayed by more than a month", "Stalled",
                              "More than one month behind schedule",
                              "Over 1 month late", "Behind (1 month +)",
                              "Not on track", "Significant issues",
                              "Serious concerns", "Little or no progress"],
    "reprogrammed": ["Reprogrammed/extended", "Re-planned",
                     "New end date agreed", "Rescheduled", "Re-profiled",
                     "Timescale extended", "Revised date agreed",
                     "Re-scheduled", "Deadline extended"],
    "suspended": ["Suspended", "On hold", "Paused", "Deferred",
                  "Put on hold"],
    "complete": ["Complete", "Completed", "Achieved", "Finished", "Done",
                 "Closed", "Completed / closed"],
}

# A key's green that names two statuses, beside an entry for complete of
# its own: it means on schedule.
KEY_WORDS_TWO_MEANINGS = ["Milestone achieved / on schedule",
                          "Completed or on track", "Achieved / on target"]

# Letters a key may give each status ("G = On track").
LETTERS = {"programmed": "P", "on_target": "G", "one_month_behind": "A",
           "over_one_month_behind": "R", "reprogrammed": "RP",
           "suspended": "S", "complete": "C"}
# Other letters councils give some statuses in their keys: B(lue) for
# complete in a BRAG key, NS for not started, H for on hold.
LETTER_ALTS = {"complete": ["B"], "programmed": ["NS"], "suspended": ["H"]}
LETTER_KEY_FORMS = ["{code} = {words}", "{code} - {words}", "{code}: {words}",
                    "{code} {words}"]   # the last one is two cells

# Colours by status, several of each, none shared between statuses.
RGB = {
    "programmed": ["BDD7EE", "DDEBF7", "CCCCFF", "D9D9D9"],
    "on_target": ["92D050", "00B050", "66FF66", "C6EFCE"],
    "one_month_behind": ["FFC000", "FFFF00", "FFEB9C", "FF9900"],
    "over_one_month_behind": ["FF0000", "C00000", "FFC7CE"],
    "reprogrammed": ["B4A7D6", "CC99FF", "7030A0"],
    "suspended": ["808080", "A6A6A6", "404040"],
    "complete": ["0070C0", "0000FF", "00B0F0"],
}
# The same meanings in theme colours (index, tint) and indexed colours.
THEME = {
    "programmed": [(4, 0.5999938962981048)],
    "on_target": [(6, 0.3999755851924192), (6, 0.0)],
    "one_month_behind": [(9, 0.0)],
    "over_one_month_behind": [(5, 0.0)],
    "reprogrammed": [(7, 0.0)],
    "suspended": [(0, -0.3499862666707358)],
    "complete": [(3, 0.0)],
}
INDEXED = {"programmed": [44], "on_target": [50, 17], "one_month_behind": [51],
           "over_one_month_behind": [10], "reprogrammed": [46],
           "suspended": [22], "complete": [12]}

REF_HEADERS = ["Ref", "Ref.", "No.", "ID", "Item", "Rec. No.", "Action Ref"]
ACTION_HEADERS = ["Action", "Action Area", "Description", "Task", "Activity",
                  "Action required"]
LEAD_HEADERS = ["Lead", "Lead Officer", "Owner", "Responsible Officer", "Who",
                "Action Owner", "Lead Officer(s)", "Action by"]
DUE_HEADERS = ["When", "Due date", "Deadline", "Target date", "Timescale",
               "By when", "Completion date"]
COMMENT_HEADERS = ["Comment / Corrective Action", "Comments", "Progress",
                   "Commentary", "Notes", "Progress update",
                   "Position statement", "Update"]

FIRST = ["David", "Jane", "Kerry", "Sandra", "Teresa", "Priya", "Tom", "Ruth",
         "Marc", "Jo", "Kim", "Lee", "Ola", "Ben", "Sam", "Ann", "Raj", "Lynn"]
LAST = ["Taylor", "Bough", "Herbert", "Maddox", "Kristunas", "Shah", "Evans",
        "Gale", "Dubois", "Marsh", "Ho", "Dunn", "Brown", "Cole", "Green",
        "Lee", "Patel", "Jones"]
TITLES = ["Cllr", "Dr", "Mrs", "Mr", "Ms"]
POSTS = ["Head of Service (Housing Options)", "Head of Finance",
         "Director of Adult Services", "Revenues Manager",
         "Service Manager (Benefits)", "AD Commissioning"]
# posts that are one person each, some with "and" inside ("Head of Legal
# and Democratic Services" is one post)
PERSON_POSTS = ["Head of HR", "Director of Place", "Finance Manager",
                "Head of Legal and Democratic Services",
                "Assistant Director Housing", "Revenues and Benefits Manager",
                "Chief Finance Officer", "Head of Planning"]
TEAMS = ["ICT Team", "Leisure Team", "Finance Team", "Web Team"]
# a post by its initials after its service or grade, one lead
POST_INITIALS = ["Finance BP", "HR BP", "Principal EP", "Senior EP",
                 "ICT PM"]
# a post that names no service, then its service after a comma, one lead
POST_SERVICES = ["Team Manager, Fostering", "Head of Service, Early Help",
                 "Service Manager, Children's Services",
                 "Head of Planning, Housing & Regeneration",
                 "Strategic Director, Place",
                 "Head of Revenues, Benefits & Customer Services"]

TASKS = ["Improve the management and collection of overpayments",
         "Review the roles and responsibilities for recovery",
         "Ensure the resources needed are made available",
         "Publish service standards on the website",
         "Recruit two additional officers", "Open a new contact centre",
         "Train staff on the new system", "Agree the allocations policy",
         "Introduce monthly performance reports", "Map demand by area",
         "Consult tenants on the draft strategy", "Replace the IT system",
         "Review the write off policy", "Set up a project board",
         "Develop the take-up strategy", "Clear the backlog of appeals"]
COMMENTS = ["Meeting held with partners; report being drafted.",
            "Draft circulated to the project board for comment.",
            "Awaiting feedback from the working group.",
            "Procurement exercise under way with two suppliers.",
            "Figures being gathered from the service teams.",
            # words of completing that say when or how far, not done
            "Complete by the end of the year.",
            "Completed to date: 2 of 4 workshops."]

MONTHS3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
           "Oct", "Nov", "Dec"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

# Indicators: (title, unit, direction, low, high, decimals); percentages as
# fractions.  The direction is what the title makes plain to an officer.
INDICATORS = [
    ("Percentage recovery of Personal Finance Unit charges", "percent",
     "higher_is_better", 0.5, 0.98, 3),
    ("% of invoices paid within 30 days", "percent", "higher_is_better",
     0.6, 0.99, 3),
    ("% of calls answered within 20 seconds", "percent", "higher_is_better",
     0.4, 0.95, 3),
    ("Council tax collected (%)", "percent", "higher_is_better", 0.8, 0.99, 3),
    ("Household waste sent for recycling (%)", "percent", "higher_is_better",
     0.3, 0.6, 3),
    ("Average days to process new Housing Benefit claims", "days",
     "lower_is_better", 10, 40, 1),
    ("Sickness absence days per FTE", "days", "lower_is_better", 5, 14, 1),
    ("Average days to re-let council homes", "days", "lower_is_better",
     15, 60, 1),
]
CODES = ["DP 11", "CP2", "NI 181", "BV8", "HR1", "ASC7", "NI 192", "PI 04",
         "KPI 12", "CS3", "LPI 7", "H 22"]
# Count indicators need their polarity stated (scorecards give it).
COUNT_INDICATORS = [
    ("Number of affordable homes delivered", "higher_is_better", 40, 300),
    ("Number of households in temporary accommodation", "lower_is_better",
     50, 400),
    ("Number of missed bin collections", "lower_is_better", 100, 900),
    ("Number of apprenticeships started", "higher_is_better", 10, 80),
]
# a target written with its bound, which says the direction
TARGET_BOUNDS = {"higher_is_better": ["{} or above", "At least {}", ">= {}",
                                      "\u2265 {}", "Minimum {}", "{} or more"],
                 "lower_is_better": ["No more than {}", "<= {}", "{} or less",
                                     "Max {}", "\u2264 {}", "Below {}"]}
POLARITY = {"higher_is_better": ["Aim to maximise", "Higher is better",
                                 "Bigger is better", "High", "Maximise",
                                 "Higher is good", "High is good",
                                 "Increase", "Up is good", "Increasing"],
            "lower_is_better": ["Aim to minimise", "Lower is better",
                                "Smaller is better", "Low", "Minimise",
                                "Lower is good", "Low is good", "Reduce",
                                "Down is good", "Aim to reduce",
                                "Decrease", "Reduction", "Decreasing"]}
