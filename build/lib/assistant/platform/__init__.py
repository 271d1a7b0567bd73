"""The information service platform: record kinds beyond postings and programs, accounts and review,
two-way matching, the yearly talent supply-and-demand report and "what is new for me".

    records        TalentDemand, TechNeed, SchoolResource, CoopProject, GraduateOutcome (pydantic rows)
    loader         record files -> validated rows (errors name file, line and field)
    store          platform.sqlite3: accounts, tokens, submissions, audit log
    accounts       argon2 passwords, API tokens, roles
    workflow       submit -> 待审核 -> 已发布 / 已退回; edit, withdraw; every write audited
    search         corpus samples + approved submissions, free text and filters
    matching       need -> resources, demand -> programs and graduates, school -> needs (graded reasons)
    report         the yearly supply-and-demand report; report_export writes CSV / XLSX / Markdown
    service        ``Platform``: the one object the facade hands to the edges
"""

from assistant.platform.service import Platform

__all__ = ["Platform"]
