"""thidua — công tác thi đua, khen thưởng từ các tệp Excel và Word của cơ quan."""

__version__ = "0.1.0"
