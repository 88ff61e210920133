"""Citizen pages of the Cổng dịch vụ công (server-rendered, work without JavaScript)."""
