"""Word documents in the state format (Nghị định 30/2020/NĐ-CP) rendered with docxtpl from ``templates/``."""
