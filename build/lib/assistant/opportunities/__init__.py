"""Opportunities: program and posting search, recommendations for students, policy matching for enterprises.

search     free text + structured filters over postings and programs, expired ones hidden
recommend  a StudentProfile -> ranked postings and programs with reasons (deterministic)
benefits   the staff-maintained benefits catalog and automatic candidates from ingested clauses
match      an EnterpriseProfile -> every applicable benefit and obligation, with citations
publish    staff publish / update / withdraw records, searchable at once
"""
